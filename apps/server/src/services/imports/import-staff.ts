import { sql } from "drizzle-orm";
import * as z from "zod";

import { EmailSchema, LabelSchema } from "@dapkit/schemas";

import type { IssueList } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { sameFields } from "../patch";
import type { Scope } from "../scope";
import { insertDepartment, listDepartments, type DepartmentItem } from "../staff/departments";
import {
  insertStaffRecord,
  STAFF_FIELDS,
  updateStaffRecord,
  type StaffRecord,
} from "../staff/save-staff";
import { agencyResolver } from "./agency-cells";
import { blankOr, EmployeeNumberCell, yesNoCell } from "./csv-cells";
import { staffByEmployeeNumber } from "./lookups";
import {
  repeatedLines,
  runImport,
  type ImportHooks,
  type ImportInput,
  type ImportPlan,
  type ImportResult,
  type ImportRows,
  type ValidRow,
} from "./run-import";
import { cancelLeaverNominations } from "../staff/cancel-leaver-nominations";

/** The columns of a staff file, as a HR system exports them. */
export const STAFF_COLUMNS = [
  "employee_number",
  "name",
  "email",
  "job_title",
  "department",
  "manager_employee_number",
  "active",
  "agency",
] as const;

/** The staff file's columns a file may leave out: an organisation that is no partnership has no agencies. */
export const OPTIONAL_STAFF_COLUMNS = [
  "agency",
] as const satisfies readonly (typeof STAFF_COLUMNS)[number][];

/** The columns every staff file has: those of an organisation that is not a partnership. */
export const REQUIRED_STAFF_COLUMNS = STAFF_COLUMNS.filter(
  (column) => !(OPTIONAL_STAFF_COLUMNS as readonly string[]).includes(column),
);

const StaffRowSchema = z.object({
  employee_number: EmployeeNumberCell,
  name: LabelSchema,
  email: blankOr(EmailSchema),
  job_title: LabelSchema,
  department: LabelSchema,
  manager_employee_number: blankOr(EmployeeNumberCell),
  active: yesNoCell(true),
  agency: blankOr(LabelSchema),
});

type StaffRow = z.output<typeof StaffRowSchema>;

/** A staff import's result: also the departments the file adds. */
export type StaffImportResult = ImportResult & { departmentsCreated: string[] };

// Departments are matched by name ignoring case; a name not yet known becomes a new department
// (reported in the result), spelt as it first appears in the file.
function departmentResolver(scope: Scope) {
  const ids = new Map(listDepartments(scope).map((d) => [d.name.toLowerCase(), d.id]));
  const created: DepartmentItem[] = [];
  return {
    created,
    idOf(name: string): string {
      const known = ids.get(name.toLowerCase());
      if (known !== undefined) return known;
      const department = { id: newId(), name };
      ids.set(name.toLowerCase(), department.id);
      created.push(department);
      return department.id;
    },
  };
}

function managerOf(
  row: ValidRow<StaffRow>,
  ids: Map<string, string>,
  issues: IssueList,
): string | null {
  const number = row.value.manager_employee_number;
  if (number == null) return null;
  const column = "manager_employee_number";
  if (number === row.value.employee_number) {
    issues.add({
      line: row.line,
      column,
      message: "A member of staff cannot be their own manager",
    });
    return null;
  }
  const id = ids.get(number);
  if (id === undefined) {
    const message = `No member of staff has employee number ${number}, in this file or already saved`;
    issues.add({ line: row.line, column, message });
  }
  return id ?? null;
}

function planStaff(
  tx: Queryable,
  scope: Scope,
  input: { rows: ImportRows<(typeof STAFF_COLUMNS)[number], StaffRow>; issues: IssueList },
): ImportPlan<{ departmentsCreated: string[] }> {
  const { rows, raw } = input.rows;
  const { issues } = input;
  const existing = staffByEmployeeNumber(tx, scope);
  const departments = departmentResolver(scope);
  const agencies = agencyResolver(tx, scope);
  const repeats = repeatedLines(raw, (values) => values.employee_number.trim());
  for (const [line, repeat] of repeats) {
    const number = repeat.values.employee_number.trim();
    const message = `Employee number ${number} is also on line ${repeat.first}`;
    issues.add({ line, column: "employee_number", message });
  }
  const unique = rows.filter((row) => !repeats.has(row.line));
  // Every person's id up front, so a manager may come later in the file than their reports.
  const ids = new Map([...existing].map(([number, record]) => [number, record.id]));
  for (const { values } of raw) {
    const number = values.employee_number.trim();
    if (number !== "" && !ids.has(number)) ids.set(number, newId());
  }
  const creates: StaffRecord[] = [];
  const updates: { before: StaffRecord; after: StaffRecord }[] = [];
  for (const row of unique) {
    const { value } = row;
    const after: StaffRecord = {
      id: ids.get(value.employee_number) ?? newId(),
      employeeNumber: value.employee_number,
      name: value.name,
      email: value.email,
      jobTitle: value.job_title,
      departmentId: departments.idOf(value.department),
      managerId: managerOf(row, ids, issues),
      agencyId: null,
      active: value.active,
    };
    const before = existing.get(value.employee_number);
    after.agencyId = agencies.idOf(row, before, issues);
    if (before === undefined) creates.push(after);
    else if (!sameFields(before, after, STAFF_FIELDS)) updates.push({ before, after });
  }
  return {
    counts: {
      created: creates.length,
      updated: updates.length,
      unchanged: unique.length - creates.length - updates.length,
    },
    extra: { departmentsCreated: departments.created.map((department) => department.name) },
    apply(write) {
      for (const department of departments.created) insertDepartment(write, scope, department);
      // People in the file may manage each other, so the staff-to-manager foreign key is checked
      // at commit rather than row by row (SQLite switches this off again when the transaction ends).
      write.run(sql`pragma defer_foreign_keys = on`);
      for (const record of creates) insertStaffRecord(write, scope, record);
      for (const change of updates) {
        updateStaffRecord(write, scope, change);
        // A file that marks someone as no longer active says they have left, as a leaving date does.
        if (change.before.active && !change.after.active)
          cancelLeaverNominations(write, scope, change.after.id);
      }
    },
  };
}

/**
 * Adds and updates staff from a CSV file (employee_number, name, email, job_title, department,
 * manager_employee_number, active and, in a partnership, agency), matched on employee number. All or nothing; people not in the
 * file are left alone; importing the same file again changes nothing.
 */
export function importStaffCsv(
  scope: Scope,
  input: ImportInput,
  hooks: ImportHooks = {},
): StaffImportResult {
  return runImport(
    scope,
    {
      entity: "staff",
      columns: STAFF_COLUMNS,
      optional: OPTIONAL_STAFF_COLUMNS,
      row: StaffRowSchema,
      plan: (tx, rows, issues) => planStaff(tx, scope, { rows, issues }),
      nothing: { departmentsCreated: [] },
    },
    { ...input, ...hooks },
  );
}
