import { useQuery } from "@tanstack/react-query";

import { formatDate, plural } from "@dapkit/schemas";
import { DEFAULT_DUE_WITHIN_DAYS } from "@dapkit/training";

import { DataTable } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { refresherColumns } from "./staff-columns";

/** Refreshers overdue or due soon (a manager: their team's), most urgent first. */
export function RefreshersDuePage() {
  usePageTitle("Refreshers due");
  const query = useQuery(trpc.reports.refreshersDue.queryOptions());
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
        {(rows) => (
          <>
            <p className="govuk-body" role="status">
              {rows.length === 0
                ? "No refreshers are overdue or due soon."
                : `${plural(rows.filter((row) => row.status === "overdue").length, "refresher")} overdue, ${plural(rows.filter((row) => row.status === "due_soon").length, "refresher")} due soon.`}
            </p>
            <DataTable
              caption="Refreshers overdue or due soon"
              captionSize="visually-hidden"
              rows={rows}
              rowKey={(row) => `${row.staffId}-${row.courseId}`}
              exportName="refreshers-due"
              columns={[
                ...refresherColumns(),
                { header: "Last completed", cell: (row) => formatDate(row.lastCompletedOn) },
                { header: "Due", cell: (row) => formatDate(row.dueOn) },
                { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
