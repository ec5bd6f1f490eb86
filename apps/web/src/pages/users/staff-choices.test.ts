import { expect, test } from "vitest";

import { staffChoices } from "./staff-record-page";

const person = (id: string, name: string) => ({
  id,
  employeeNumber: id,
  name,
  email: null,
  jobTitle: "Support worker",
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

test("staff are offered by name after 'not linked', with job and department", () => {
  expect(staffChoices([person("b", "Bo Ward"), person("a", "Ana Lee")], null)).toEqual([
    { value: "", text: "Not linked to a staff record" },
    { value: "a", text: "Ana Lee, Support worker, Housing" },
    { value: "b", text: "Bo Ward, Support worker, Housing" },
  ]);
});

test("a linked record no longer among current staff stays chosen rather than vanishing", () => {
  const choices = staffChoices([person("a", "Ana Lee")], "gone");
  expect(choices.at(-1)).toEqual({
    value: "gone",
    text: "Their current record (no longer in current staff)",
  });
  expect(staffChoices([person("a", "Ana Lee")], "a")).toHaveLength(2);
});
