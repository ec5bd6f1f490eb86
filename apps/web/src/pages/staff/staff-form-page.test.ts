import { expect, test } from "vitest";

import { managerChoices } from "./staff-form-page";

const person = (id: string, name: string) => ({
  id,
  employeeNumber: id,
  name,
  email: null,
  jobTitle: "Team leader",
  departmentId: "d1",
  departmentName: "Housing",
  managerId: null,
  managerName: null,
  agencyId: null,
  agencyName: null,
  active: true,
  startDate: null,
  leavingDate: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const record = (managerId: string | null, managerName: string | null) => ({
  ...person("me", "Me Myself"),
  managerId,
  managerName,
  nominations: [],
  completions: [],
  refreshers: [],
});

test("a manager is chosen from current staff by name, never the person themselves", () => {
  const staff = [person("b", "Bo Ward"), person("me", "Me Myself"), person("a", "Ana Lee")];
  expect(managerChoices(staff, record(null, null))).toEqual([
    { value: "", text: "No line manager" },
    { value: "a", text: "Ana Lee, Team leader" },
    { value: "b", text: "Bo Ward, Team leader" },
  ]);
  expect(managerChoices(staff, undefined)).toHaveLength(4);
});

test("a manager who has left stays chosen rather than vanishing", () => {
  expect(managerChoices([person("a", "Ana Lee")], record("gone", "Gil Gone")).at(-1)).toEqual({
    value: "gone",
    text: "Gil Gone",
  });
});
