import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate, formatDateTime } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { FlashBanner } from "../../components/flash-banner";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";

type TeamRequest = Outputs["myTraining"]["teamRequests"]["items"][number];

const PAGE_SIZE = 50;

/** The requests of the people the user line-manages, awaiting their decision, oldest first. */
export function TeamRequestsPage() {
  usePageTitle("Your team's requests");
  const user = useCurrentUser();
  const filters = useFilters([]);
  const query = useQuery({
    ...trpc.myTraining.teamRequests.queryOptions({
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...filters.position,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <BackLink to="/my-training">Back to my training</BackLink>
      <FlashBanner />
      <PageHeading caption="My training">Your team&apos;s requests</PageHeading>
      {user.staffId == null ? (
        <InsetText>
          Your account is not linked to your staff record, so you have no team here. Ask an
          administrator to link it on the users page.
        </InsetText>
      ) : (
        <QueryState query={query} what="your team's requests">
          {(result) => (
            <>
              <p className="govuk-body">
                Requests for training from the people you line-manage. Approve or decline each; HR
                books the places you approve.
              </p>
              <DataTable<TeamRequest>
                caption="Requests awaiting your decision"
                captionSize="m"
                rows={result.items}
                rowKey={(row) => row.nominationId}
                empty="No requests are waiting for your decision."
                downloadable={false}
                columns={[
                  { header: "Name", rowHeader: true, cell: (row) => row.staffName },
                  { header: "Course", cell: (row) => row.courseTitle },
                  { header: "Session date", cell: (row) => formatDate(row.startsAt) },
                  {
                    header: "Reason",
                    cell: (row) => (row.reason === "" ? "None given" : row.reason),
                  },
                  { header: "Asked", cell: (row) => formatDateTime(row.requestedAt) },
                  {
                    header: "Decision",
                    cell: (row) => (
                      <Link
                        className="govuk-link"
                        to={`/my-training/team-requests/${row.nominationId}`}
                      >
                        Decide
                        <span className="govuk-visually-hidden">
                          {" "}
                          on {row.staffName}&apos;s request for {row.courseTitle}
                        </span>
                      </Link>
                    ),
                  },
                ]}
              />
              <ResultPagination result={result} hrefFor={filters.hrefFor} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
