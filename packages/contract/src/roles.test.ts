import { describe, expect, test } from "vitest";

import {
  PERMISSION_NAMES,
  PERMISSIONS,
  permissionsOf,
  ROLE_LABELS,
  roleCan,
  USER_ROLES,
} from "./roles";

describe("roles and permissions", () => {
  test("every permission names only known roles, and admins have them all", () => {
    for (const name of PERMISSION_NAMES) {
      for (const role of PERMISSIONS[name]) expect(USER_ROLES).toContain(role);
    }
    expect(permissionsOf("admin")).toEqual(PERMISSION_NAMES);
  });

  test("roleCan and permissionsOf read the same table", () => {
    expect(roleCan("manager", "nominate")).toBe(true);
    expect(roleCan("manager", "readEvidence")).toBe(false);
    expect(roleCan("viewer", "manageTraining")).toBe(false);
    for (const role of USER_ROLES) {
      expect(permissionsOf(role)).toEqual(PERMISSION_NAMES.filter((name) => roleCan(role, name)));
    }
    expect(permissionsOf("viewer")).toEqual([
      "readTraining",
      "requestTraining",
      "readEvidence",
      "readRecommendations",
      "readFunding",
      "readPartnership",
    ]);
    expect(permissionsOf("agency_lead")).toEqual([
      "readTraining",
      "nominate",
      "cancelNomination",
      "requestTraining",
      "readPartnership",
    ]);
  });

  test("everyone may ask for training; only admins, HR and managers decide their team's requests", () => {
    for (const role of USER_ROLES) expect(roleCan(role, "requestTraining")).toBe(true);
    expect(PERMISSIONS.decideTrainingRequests).toEqual(["admin", "hr", "manager"]);
  });

  test("every role has its own words", () => {
    expect(Object.keys(ROLE_LABELS)).toEqual([...USER_ROLES]);
    expect(new Set(Object.values(ROLE_LABELS)).size).toBe(USER_ROLES.length);
    expect(ROLE_LABELS.accreditation_lead).toBe("Accreditation lead");
  });
});
