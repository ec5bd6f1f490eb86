import { useQuery } from "@tanstack/react-query";

import { plural } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { staffNameColumn, staffRoleColumns } from "./staff-columns";

/** Current staff (a manager: their team) who have never attended any training: chase these first. */
export function NeverTrainedPage() {
  usePageTitle("Never trained");
  const query = useQuery(trpc.reports.neverTrained.queryOptions());
  return (
    <>
      <BackLink to="/staff">Back to staff</BackLink>
      <PageHeading caption="Staff">Never trained</PageHeading>
      <p className="govuk-body">
        Current staff who have not attended any training, fully or in part, by department.
      </p>
      <QueryState query={query} what="list of staff never trained">
        {(people) => (
          <>
            <p className="govuk-body" role="status">
              {people.length === 0
                ? "Everyone has attended some training."
                : `${plural(people.length, "person", "people")} never trained.`}
            </p>
            <DataTable
              caption="Staff never trained"
              captionSize="visually-hidden"
              rows={people}
              rowKey={(row) => row.id}
              exportName="never-trained"
              columns={[
                staffNameColumn(),
                { header: "Employee number", cell: (row) => row.employeeNumber },
                ...staffRoleColumns(),
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
