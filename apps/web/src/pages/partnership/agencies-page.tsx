import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

import { AGENCY_KIND_LABELS } from "@dapkit/contract";
import { formatCount, formatDate } from "@dapkit/schemas";

import { ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc } from "../../trpc";
import type { Agency } from "./use-agencies";

function actionsColumn() {
  return {
    header: <span className="govuk-visually-hidden">Actions</span>,
    notExported: true,
    cell: (row: Agency) =>
      row.archivedAt != null ? null : (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/partnership/agencies/${row.id}/edit`}>
              Change<span className="govuk-visually-hidden"> {row.name}</span>
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/partnership/agencies/${row.id}/archive`}>
              Archive<span className="govuk-visually-hidden"> {row.name}</span>
            </Link>
          </li>
        </ul>
      ),
  };
}

/** The partnership's agencies: kind, membership and people, with changes for its managers. */
export function AgenciesPage() {
  usePageTitle("Agencies");
  const user = useCurrentUser();
  const manage = can(user, "managePartnership");
  const [params] = useSearchParams();
  const includeArchived = params.get("archived") === "yes";
  const query = useQuery(trpc.partnership.agencies.list.queryOptions({ includeArchived }));
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Agencies</PageHeading>
      {manage ? <ButtonLink to="/partnership/agencies/new">Add an agency</ButtonLink> : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={includeArchived ? "?" : "?archived=yes"}>
          {includeArchived ? "Show current agencies only" : "Show archived agencies too"}
        </Link>
      </p>
      <QueryState query={query} what="agencies">
        {(agencies) => (
          <DataTable<Agency>
            caption="Agencies"
            captionSize="visually-hidden"
            rows={agencies}
            rowKey={(row) => row.id}
            exportName="agencies"
            empty="No agencies have been added yet."
            columns={[
              { header: "Agency", rowHeader: true, cell: (row) => row.name },
              { header: "Kind", cell: (row) => AGENCY_KIND_LABELS[row.kind] },
              { header: "Member", cell: (row) => (row.member ? "Yes" : "No") },
              { header: "People", numeric: true, cell: (row) => formatCount(row.people) },
              ...(includeArchived
                ? [
                    {
                      header: "Archived",
                      cell: (row: Agency) =>
                        row.archivedAt == null ? "No" : formatDate(row.archivedAt),
                    },
                  ]
                : []),
              ...(manage ? [actionsColumn()] : []),
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
