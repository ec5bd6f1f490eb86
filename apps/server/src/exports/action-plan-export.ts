import { ACTION_STATUS_LABELS } from "@dapkit/daha";

import { defineExport } from "./define-export";

export const actionPlanExport = defineExport({
  name: "action-plan",
  title: "DAHA action plan",
  rows: async (caller) => (await caller.actionPlan.list({})).actions,
  columns: [
    { header: "Priority area", value: (action) => action.areaName },
    { header: "Action", value: (action) => action.what },
    { header: "Owner", value: (action) => action.owner },
    { header: "Due", value: (action) => action.dueDate, format: "date" },
    { header: "Status", value: (action) => ACTION_STATUS_LABELS[action.status] },
    { header: "Overdue", value: (action) => (action.overdue ? "Yes" : "No") },
    { header: "Recommendation", value: (action) => action.recommendation?.reference },
    {
      header: "Evidence",
      value: (action) => action.evidence.map((item) => item.title).join("; "),
    },
  ],
});
