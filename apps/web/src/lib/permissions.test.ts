import { expect, test } from "vitest";

import { activeNavHref, can, navigationFor, type Permission } from "./permissions";

const manager = { permissions: ["readTraining", "nominate", "cancelNomination"] as Permission[] };
const lead = {
  permissions: [
    "readTraining",
    "readEvidence",
    "manageEvidence",
    "readRecommendations",
    "manageRecommendations",
    "readFunding",
  ] as Permission[],
};

test("shows each role only the sections its permissions allow", () => {
  expect(navigationFor(manager).map((item) => item.text)).toEqual([
    "Dashboard",
    "Training",
    "Staff",
  ]);
  expect(navigationFor(lead).map((item) => item.text)).toEqual([
    "Dashboard",
    "Training",
    "Staff",
    "Accreditation",
    "Recommendations",
    "Funding",
  ]);
  expect(navigationFor(null)).toEqual([]);
  expect(can(manager, "manageTraining")).toBe(false);
  expect(can(lead, "manageEvidence")).toBe(true);
});

test("marks the section a page belongs to", () => {
  const items = navigationFor(lead);
  expect(activeNavHref(items, "/")).toBe("/");
  expect(activeNavHref(items, "/training/sessions/abc")).toBe("/training");
  expect(activeNavHref(items, "/accreditation/evidence/new")).toBe("/accreditation");
  expect(activeNavHref(items, "/trainingx")).toBeUndefined();
});
