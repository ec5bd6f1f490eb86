import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { formatDate, plural } from "@dapkit/schemas";
import { DEFAULT_DUE_WITHIN_DAYS } from "@dapkit/training";

import { DataTable } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { ResultCount } from "../../components/result-count";
import { ResultPagination } from "../../components/result-pagination";
import { BackLink, PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { trpc } from "../../trpc";
import { refresherColumns } from "./staff-columns";

const PAGE_SIZE = 50;

/** Refreshers overdue or due soon (a manager: their team's), most urgent first, a page at a time. */
export function RefreshersDuePage() {
  usePageTitle("Refreshers due");
  const pages = useFilters([]);
  const query = useQuery({
    ...trpc.reports.refreshersDue.queryOptions({
      page: pages.page,
      ...pages.position,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <BackLink to="/staff">Back to staff</BackLink>
      <PageHeading caption="Staff">Refreshers overdue or due soon</PageHeading>
      <p className="govuk-body">
        Current staff whose refresher of a course is overdue, or due in the next{" "}
        {plural(DEFAULT_DUE_WITHIN_DAYS, "day")}, from their latest full attendance and the
        course&apos;s refresher interval. Overdue first.
      </p>
      <QueryState query={query} what="refreshers due">
        {(result) => (
          <>
            <ResultCount
              result={result}
              noun="refreshers"
              empty="No refreshers are overdue or due soon."
            />
            {result.total === 0 ? null : (
              <p className="govuk-body">
                {plural(result.overdue, "refresher")} overdue, {plural(result.dueSoon, "refresher")}{" "}
                due soon.
              </p>
            )}
            <DataTable
              caption="Refreshers overdue or due soon"
              captionSize="visually-hidden"
              rows={result.items}
              rowKey={(row) => `${row.staffId}-${row.courseId}`}
              exportName="refreshers-due"
              columns={[
                ...refresherColumns(),
                { header: "Last completed", cell: (row) => formatDate(row.lastCompletedOn) },
                { header: "Due", cell: (row) => formatDate(row.dueOn) },
                { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
              ]}
            />
            <ResultPagination result={result} hrefFor={pages.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}
