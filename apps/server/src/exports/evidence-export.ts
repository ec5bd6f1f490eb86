import { defineExport, type Caller } from "./define-export";

// Evidence items carry their area's id; the assessor reads area names, so they are looked up.
async function evidenceWithAreas(caller: Caller) {
  const framework = await caller.evidence.framework();
  const areaNames = new Map(framework.areas.map((area) => [area.id, area.name]));
  return (await caller.evidence.list()).map((item) => ({
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
    { header: "Kind", value: (item) => item.kind },
    { header: "Owner", value: (item) => item.owner },
    { header: "Status", value: (item) => item.status },
    { header: "Effective", value: (item) => item.effectiveDate },
    { header: "Review by", value: (item) => item.reviewDate },
    { header: "Expires", value: (item) => item.expiryDate },
    { header: "Files", value: (item) => item.revisionCount },
    { header: "Latest file", value: (item) => item.latestRevision?.fileName },
    { header: "Latest file uploaded", value: (item) => item.latestRevision?.uploadedAt },
    { header: "Updated", value: (item) => item.updatedAt },
  ],
});
