import { PACK_NOT_APPROVED } from "@dapkit/contract";
import { writeCsv } from "@dapkit/csv";
import { EVIDENCE_KIND_LABELS, EVIDENCE_STATUS_LABELS } from "@dapkit/daha";

import type { PackContents } from "./pack-contents";

const HEADER = [
  "Evidence ID",
  "Area ID",
  "Area",
  "Title",
  "Kind",
  "Owner",
  "Status",
  "Approval",
  "Effective date",
  "Review date",
  "Expiry date",
  "Revisions",
  "Latest file",
  "Media type",
  "Size (bytes)",
  "SHA-256",
  "File in pack",
];

/**
 * The pack's `evidence.csv`: one row per item, dates in ISO form, for spreadsheets; the Approval
 * column marks each item that is not approved.
 */
export function renderEvidenceCsv(contents: PackContents): string {
  const areaNames = new Map(contents.framework.areas.map((area) => [area.id, area.name]));
  return writeCsv({
    header: HEADER,
    rows: contents.items.map((item) => [
      item.id,
      item.areaId,
      areaNames.get(item.areaId) ?? item.areaId,
      item.title,
      EVIDENCE_KIND_LABELS[item.kind],
      item.owner,
      EVIDENCE_STATUS_LABELS[item.status],
      contents.notApproved.has(item.id) ? PACK_NOT_APPROVED : EVIDENCE_STATUS_LABELS.approved,
      item.effectiveDate,
      item.reviewDate,
      item.expiryDate,
      item.revisionCount,
      item.latestRevision?.fileName,
      item.latestRevision?.mediaType,
      item.latestRevision?.sizeBytes,
      item.latestRevision?.sha256,
      contents.filePaths.get(item.id),
    ]),
  });
}
