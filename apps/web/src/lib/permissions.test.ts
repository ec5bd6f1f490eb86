import { expect, test } from "vitest";

import { permissionsOf, type USER_ROLES } from "@dapkit/contract";

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
    "My account",
  ]);
  expect(navigationFor(lead).map((item) => item.text)).toEqual([
    "Dashboard",
    "Training",
    "Staff",
    "Accreditation",
    "Recommendations",
    "Funding",
    "My account",
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

test("only an administrator sees users, the audit log and settings", () => {
  const admin = { permissions: permissionsOf("admin") };
  expect(navigationFor(admin).map((item) => item.text)).toEqual([
    "Dashboard",
    "Training",
    "Staff",
    "Accreditation",
    "Recommendations",
    "Funding",
    "Partnership",
    "Users",
    "Audit log",
    "Settings",
    "My training",
    "My account",
  ]);
  for (const role of ["hr", "accreditation_lead", "manager", "viewer"] as const) {
    const texts = navigationFor({ permissions: permissionsOf(role) }).map((item) => item.text);
    expect(texts).not.toContain("Users");
    expect(texts).not.toContain("Audit log");
    expect(texts).not.toContain("Settings");
    expect(texts).toContain("My account");
  }
  expect(activeNavHref(navigationFor(admin), "/users/abc/deactivate")).toBe("/users");
});

test("the partnership section: for its readers once it runs as one, and for those who can switch it on", () => {
  const sections = (role: (typeof USER_ROLES)[number], runsAsPartnership: boolean) =>
    navigationFor({ permissions: permissionsOf(role), runsAsPartnership }).map((item) => item.text);
  expect(sections("hr", false)).toContain("Partnership");
  expect(sections("viewer", false)).not.toContain("Partnership");
  expect(sections("viewer", true)).toContain("Partnership");
  expect(sections("agency_lead", true)).toContain("Partnership");
  expect(sections("manager", true)).not.toContain("Partnership");
});
