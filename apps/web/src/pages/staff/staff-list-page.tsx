import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { ResultCount } from "../../components/result-count";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { TextInput } from "../../components/text-input";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";
import { staffNameColumn, staffRoleColumns } from "./staff-columns";
import { TeamFilterSelects } from "./team-filter-selects";

type Staff = Outputs["staff"]["list"]["items"][number];

const PAGE_SIZE = 25;
const FILTERS = ["search", "department", "manager", "agency", "active"] as const;

function Filters({
  filters,
}: {
  filters: ReturnType<typeof useFilters<(typeof FILTERS)[number]>>;
}) {
  const [draft, setDraft] = useState(filters.values);
  function apply(event: FormEvent) {
    event.preventDefault();
    filters.set(draft);
  }
  return (
    <form className="app-filters" onSubmit={apply} role="search" aria-label="Filter staff">
      <h2 className="govuk-heading-s">Filter staff</h2>
      <TextInput
        name="search"
        label="Name or employee number"
        value={draft.search}
        onChange={(event) => setDraft({ ...draft, search: event.target.value })}
      />
      <TeamFilterSelects value={draft} onChange={setDraft} />
      <Select
        name="active"
        label="Employment"
        value={draft.active}
        onChange={(event) => setDraft({ ...draft, active: event.target.value })}
        options={[
          { value: "", text: "Current and former staff" },
          { value: "true", text: "Current staff only" },
          { value: "false", text: "Former staff only" },
        ]}
      />
      <Button variant="secondary" className="govuk-!-margin-bottom-0">
        Apply filters
      </Button>
    </form>
  );
}

export function StaffListPage() {
  usePageTitle("Staff");
  const user = useCurrentUser();
  const filters = useFilters(FILTERS);
  const { search, department, manager, agency, active } = filters.values;
  const query = useQuery({
    ...trpc.staff.list.queryOptions({
      page: filters.page,
      ...filters.position,
      pageSize: PAGE_SIZE,
      ...(search === "" ? {} : { search }),
      ...(department === "" ? {} : { departmentId: department }),
      ...(manager === "" ? {} : { managerId: manager }),
      ...(agency === "" ? {} : { agencyId: agency }),
      ...(active === "" ? {} : { active: active === "true" }),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <FlashBanner />
      <PageHeading caption="People">Staff</PageHeading>
      {can(user, "manageStaff") ? (
        <ButtonGroup>
          <ButtonLink to="/staff/new">Add a member of staff</ButtonLink>
          <ButtonLink to="/staff/import" variant="secondary">
            Import staff from a CSV file
          </ButtonLink>
        </ButtonGroup>
      ) : null}
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/staff/never-trained">
            Staff who have never been trained
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/refreshers-due">
            Refreshers overdue or due soon
          </Link>
        </li>
      </ul>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Filters key={JSON.stringify(filters.values)} filters={filters} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <QueryState query={query} what="staff list">
            {(result) => (
              <>
                <ResultCount result={result} noun="staff" empty="No staff match these filters." />
                <DataTable<Staff>
                  caption="Staff"
                  captionSize="visually-hidden"
                  rows={result.items}
                  rowKey={(row) => row.id}
                  exportName="staff"
                  columns={[
                    staffNameColumn(),
                    ...staffRoleColumns(),
                    ...(user.runsAsPartnership
                      ? [{ header: "Agency", cell: (row: Staff) => row.agencyName ?? "None" }]
                      : []),
                    {
                      header: "Status",
                      cell: (row) => (
                        <StatusTag
                          status={row.active ? "active" : "inactive"}
                          text={row.active ? "Current" : "Left"}
                        />
                      ),
                    },
                  ]}
                />
                <ResultPagination result={result} hrefFor={filters.hrefFor} />
              </>
            )}
          </QueryState>
        </div>
      </div>
    </>
  );
}
