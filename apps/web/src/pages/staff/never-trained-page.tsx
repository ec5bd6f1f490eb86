import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { DataTable } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { ResultCount } from "../../components/result-count";
import { ResultPagination } from "../../components/result-pagination";
import { BackLink, PageHeading } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { trpc } from "../../trpc";
import { staffNameColumn, staffRoleColumns } from "./staff-columns";

const PAGE_SIZE = 50;

/** Current staff (a manager: their team) who have never attended any training: chase these first. */
export function NeverTrainedPage() {
  usePageTitle("Never trained");
  const pages = useFilters([]);
  const query = useQuery({
    ...trpc.reports.neverTrained.queryOptions({
      page: pages.page,
      ...pages.position,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <BackLink to="/staff">Back to staff</BackLink>
      <PageHeading caption="Staff">Never trained</PageHeading>
      <p className="govuk-body">
        Current staff who have not attended any training, fully or in part, by department.
      </p>
      <QueryState query={query} what="list of staff never trained">
        {(result) => (
          <>
            <ResultCount
              result={result}
              noun="people never trained"
              empty="Everyone has attended some training."
            />
            <DataTable
              caption="Staff never trained"
              captionSize="visually-hidden"
              rows={result.items}
              rowKey={(row) => row.id}
              exportName="never-trained"
              columns={[
                staffNameColumn(),
                { header: "Employee number", cell: (row) => row.employeeNumber },
                ...staffRoleColumns(),
              ]}
            />
            <ResultPagination result={result} hrefFor={pages.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}
