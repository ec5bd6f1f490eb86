import { formatDate } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";

type Refresher = Outputs["staff"]["get"]["refreshers"][number];

/** One person's refreshers: each completed course with a refresher, when it is due and how soon. */
export function RefreshersTable({
  refreshers,
  captionSize,
  empty,
}: {
  refreshers: readonly Refresher[];
  captionSize: "s" | "m";
  empty: string;
}) {
  return (
    <DataTable
      caption="Refreshers"
      captionSize={captionSize}
      rows={refreshers}
      rowKey={(row) => row.courseId}
      empty={empty}
      downloadable={false}
      columns={[
        { header: "Course", rowHeader: true, cell: (row) => row.courseTitle },
        { header: "Last completed", cell: (row) => formatDate(row.lastCompletedOn) },
        { header: "Refresher due", cell: (row) => formatDate(row.dueOn) },
        { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
      ]}
    />
  );
}
