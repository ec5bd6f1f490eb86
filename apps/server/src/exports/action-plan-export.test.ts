import { expect, test } from "vitest";

import { createTestApp } from "../test/test-app";
import { actionPlanExport } from "./action-plan-export";
import { findExport } from "./registry";

test("the action plan exports one row per action, in words, overdue marked", async () => {
  const app = createTestApp();
  const org = await app.createOrganisation("Northshire");
  const lead = app.caller(org.users.accreditation_lead);
  await lead.actionPlan.create({
    areaId: "partnerships",
    what: "Sign the protocol",
    owner: "Officer",
    dueDate: "2022-04-01",
    status: "in_progress",
  });
  expect(findExport("action-plan")).toBe(actionPlanExport);
  const [sheet] = actionPlanExport.sheets;
  const loaded = await sheet.load(app.caller(org.users.viewer));
  expect({ header: loaded.header, rows: loaded.rows }).toEqual({
    header: [
      "Priority area",
      "Action",
      "Owner",
      "Due",
      "Status",
      "Overdue",
      "Recommendation",
      "Evidence",
    ],
    rows: [
      [
        "Partnerships",
        "Sign the protocol",
        "Officer",
        "2022-04-01",
        "In progress",
        "Yes",
        undefined,
        "",
      ],
    ],
  });
  // A role that cannot read evidence cannot export the plan.
  await expect(sheet.load(app.caller(org.users.manager))).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
});
