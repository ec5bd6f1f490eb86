import { Link } from "react-router";

import { REFRESHER_STATUS_LABELS } from "@dapkit/training";
import { formatCount, formatDate } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";
import { refresherColumns } from "../staff/staff-columns";

type Refreshers = Outputs["reports"]["refreshersDue"];
type Refresher = Refreshers["items"][number];

/** How many of the most urgent refreshers the dashboard shows; the rest are a link away. */
export const URGENT_REFRESHERS = 10;

/**
 * The most urgent refreshers (the first page of the list), with a link to the whole list when
 * there are more: a large council's list runs to thousands.
 */
export function UrgentRefreshers({ result }: { result: Refreshers }) {
  return (
    <>
      <DataTable<Refresher>
        caption="Refreshers due in the next 30 days or overdue"
        rows={result.items}
        rowKey={(row) => `${row.staffId}-${row.courseId}`}
        empty="Nobody's refresher training is due in the next 30 days."
        exportName="refreshers-due"
        columns={[
          ...refresherColumns<Refresher>(),
          { header: "Due", cell: (row) => formatDate(row.dueOn) },
          {
            header: "Status",
            cell: (row) => (
              <StatusTag
                status={row.status === "overdue" ? "red" : "amber"}
                text={REFRESHER_STATUS_LABELS[row.status]}
              />
            ),
          },
        ]}
      />
      {result.total <= result.items.length ? null : (
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/refreshers-due">
            See all {formatCount(result.total)} refreshers ({formatCount(result.overdue)} overdue,{" "}
            {formatCount(result.dueSoon)} due soon)
          </Link>
        </p>
      )}
    </>
  );
}
