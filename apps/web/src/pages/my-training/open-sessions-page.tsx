import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatCount, plural } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";
import { sessionWhen } from "./session-when";

type OpenSession = Outputs["myTraining"]["openSessions"]["items"][number];

const PAGE_SIZE = 25;

function placesText(session: OpenSession): string {
  return session.placesLeft > 0
    ? plural(session.placesLeft, "place")
    : "Full: you would join the waiting list";
}

/** Sessions still open to requests (not started, not cancelled), soonest first. */
export function OpenSessionsPage() {
  usePageTitle("Ask for a place on a session");
  const filters = useFilters([]);
  const query = useQuery({
    ...trpc.myTraining.openSessions.queryOptions({
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...filters.position,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <BackLink to="/my-training">Back to my training</BackLink>
      <PageHeading caption="My training">Ask for a place on a session</PageHeading>
      <p className="govuk-body">
        Choose a session. Your line manager approves or declines your request, and HR then books
        your place.
      </p>
      <QueryState query={query} what="sessions">
        {(result) => (
          <>
            <p className="govuk-body" role="status">
              {result.total === 0
                ? "There are no sessions open to requests."
                : `${formatCount(result.total)} sessions open to requests`}
            </p>
            <DataTable<OpenSession>
              caption="Sessions open to requests"
              captionSize="visually-hidden"
              rows={result.items}
              rowKey={(row) => row.id}
              downloadable={false}
              columns={[
                { header: "Course", rowHeader: true, cell: (row) => row.courseTitle },
                { header: "Level", numeric: true, cell: (row) => row.courseLevel },
                { header: "When", cell: (row) => sessionWhen(row) },
                { header: "Where", cell: (row) => row.location },
                { header: "Places left", cell: placesText },
                {
                  header: "Your place",
                  cell: (row) =>
                    row.myState == null ? (
                      <Link className="govuk-link" to={`/my-training/sessions/${row.id}`}>
                        Ask for a place
                        <span className="govuk-visually-hidden">
                          {" "}
                          on {row.courseTitle}, {sessionWhen(row)}
                        </span>
                      </Link>
                    ) : (
                      <StatusTag status={row.myState} />
                    ),
                },
              ]}
            />
            <ResultPagination result={result} hrefFor={filters.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}
