import { RECOMMENDATION_STATUS_LABELS } from "@dapkit/schemas";

import { defineExport } from "./define-export";

export const recommendationsExport = defineExport({
  name: "recommendations",
  title: "Recommendations",
  rows: (caller) => caller.recommendations.list(),
  columns: [
    { header: "Source", value: (item) => item.source },
    { header: "Reference", value: (item) => item.reference },
    { header: "Title", value: (item) => item.title },
    { header: "Owner", value: (item) => item.owner },
    { header: "Status", value: (item) => RECOMMENDATION_STATUS_LABELS[item.status] },
    { header: "Progress notes", value: (item) => item.updateCount },
    { header: "Latest progress", value: (item) => item.latestUpdate?.date, format: "date" },
    { header: "Latest note", value: (item) => item.latestUpdate?.note },
    { header: "Updated", value: (item) => item.updatedAt, format: "dateTime" },
  ],
});
