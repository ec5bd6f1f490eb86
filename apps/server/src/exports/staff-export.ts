import type { CellValue } from "@dapkit/csv";

import { STAFF_COLUMNS } from "../services/imports/import-staff";
import { allPages, defineExport, type Caller, type Column } from "./define-export";

type StaffRow = Awaited<ReturnType<Caller["staff"]["list"]>>["items"][number];
type Person = StaffRow & { managerEmployeeNumber: string | null };

// "manager_employee_number" → "Manager employee number": the import reads headings in any case
// and spacing, so the file reads well and still imports.
const heading = (column: string) =>
  `${column.charAt(0).toUpperCase()}${column.slice(1).replaceAll("_", " ")}`;

// One value per column of the staff import, so the export always imports back as it is: a column
// added to the import does not compile until the export fills it.
const VALUES: Readonly<Record<(typeof STAFF_COLUMNS)[number], (person: Person) => CellValue>> = {
  employee_number: (person) => person.employeeNumber,
  name: (person) => person.name,
  email: (person) => person.email,
  job_title: (person) => person.jobTitle,
  department: (person) => person.departmentName,
  manager_employee_number: (person) => person.managerEmployeeNumber,
  active: (person) => person.active,
  agency: (person) => person.agencyName,
};

/** The staff export's columns: exactly the staff import's. */
export const staffColumns: readonly Column<Person>[] = STAFF_COLUMNS.map((column) => ({
  header: heading(column),
  value: VALUES[column],
}));

/**
 * Everyone the user may see, each with their manager's employee number (the import's key for a
 * manager). A manager outside the list (a team's own manager, for someone who sees only the
 * team) is looked up; one the user may not see is left blank.
 */
async function staffWithManagers(caller: Caller): Promise<Person[]> {
  const people = await allPages((page) => caller.staff.list(page));
  const numbers = new Map(people.map((person) => [person.id, person.employeeNumber]));
  const missing = new Set(
    people.flatMap(({ managerId }) =>
      managerId == null || numbers.has(managerId) ? [] : [managerId],
    ),
  );
  for (const id of missing) {
    const manager = await caller.staff.get({ id }).catch(() => null);
    if (manager != null) numbers.set(id, manager.employeeNumber);
  }
  return people.map((person) => ({
    ...person,
    managerEmployeeNumber:
      person.managerId == null ? null : (numbers.get(person.managerId) ?? null),
  }));
}

export const staffExport = defineExport({
  name: "staff",
  title: "Staff",
  rows: staffWithManagers,
  columns: staffColumns,
});
