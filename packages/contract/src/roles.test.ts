import { describe, expect, test } from "vitest";

import { PERMISSION_NAMES, PERMISSIONS, permissionsOf, roleCan, USER_ROLES } from "./roles";

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
      "readEvidence",
      "readRecommendations",
      "readFunding",
    ]);
  });
});
