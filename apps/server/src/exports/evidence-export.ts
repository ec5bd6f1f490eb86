import { EVIDENCE_KIND_LABELS, EVIDENCE_STATUS_LABELS } from "@dapkit/daha";

import { allPages, defineExport, type Caller } from "./define-export";

// Evidence items carry their area's id; the assessor reads area names, so they are looked up.
async function evidenceWithAreas(caller: Caller) {
  const framework = await caller.evidence.framework();
  const areaNames = new Map(framework.areas.map((area) => [area.id, area.name]));
  const items = await allPages((page) => caller.evidence.list(page));
  return items.map((item) => ({
    ...item,
    areaName: areaNames.get(item.areaId) ?? item.areaId,
  }));
}

export const evidenceExport = defineExport({
  name: "evidence",
  title: "Evidence",
  rows: evidenceWithAreas,
  columns: [
    { header: "Priority area", value: (item) => item.areaName },
    { header: "Title", value: (item) => item.title },
    { header: "Kind", value: (item) => EVIDENCE_KIND_LABELS[item.kind] },
    { header: "Owner", value: (item) => item.owner },
    { header: "Status", value: (item) => EVIDENCE_STATUS_LABELS[item.status] },
    { header: "Effective", value: (item) => item.effectiveDate, format: "date" },
    { header: "Review by", value: (item) => item.reviewDate, format: "date" },
    { header: "Expires", value: (item) => item.expiryDate, format: "date" },
    { header: "Files", value: (item) => item.revisionCount },
    { header: "Latest file", value: (item) => item.latestRevision?.fileName },
    {
      header: "Latest file uploaded",
      value: (item) => item.latestRevision?.uploadedAt,
      format: "dateTime",
    },
    { header: "Updated", value: (item) => item.updatedAt, format: "dateTime" },
  ],
});
