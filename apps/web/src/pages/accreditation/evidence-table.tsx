import { Link } from "react-router";

import { EVIDENCE_KIND_LABELS } from "@dapkit/daha";
import { formatDate } from "@dapkit/schemas";

import { DataTable, type Column } from "../../components/data-table";
import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";

/** One evidence item as the evidence list gives it. */
export type Evidence = Outputs["evidence"]["list"]["items"][number];

/**
 * A page of evidence items: each links to its record. `areaNames` adds a priority area column,
 * for lists of more than one area. The page is not offered as a download: the library's export
 * holds every item.
 */
export function EvidenceTable({
  items,
  caption,
  empty,
  areaNames,
}: {
  items: readonly Evidence[];
  caption: string;
  empty: string;
  areaNames?: ReadonlyMap<string, string>;
}) {
  const areaColumn: Column<Evidence>[] =
    areaNames === undefined
      ? []
      : [{ header: "Priority area", cell: (row) => areaNames.get(row.areaId) ?? row.areaId }];
  return (
    <DataTable<Evidence>
      caption={caption}
      captionSize="visually-hidden"
      rows={items}
      rowKey={(row) => row.id}
      empty={empty}
      downloadable={false}
      columns={[
        {
          header: "Evidence",
          rowHeader: true,
          cell: (row) => (
            <Link className="govuk-link" to={`/accreditation/evidence/${row.id}`}>
              {row.title}
            </Link>
          ),
        },
        ...areaColumn,
        { header: "Kind", cell: (row) => EVIDENCE_KIND_LABELS[row.kind] },
        { header: "Owner", cell: (row) => row.owner },
        { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
        {
          header: "Review by",
          cell: (row) => (row.reviewDate == null ? "Not set" : formatDate(row.reviewDate)),
        },
        { header: "Files", numeric: true, cell: (row) => row.revisionCount },
      ]}
    />
  );
}
