import { and, eq } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { departments, staff } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { applyPatch, sameFields } from "../patch";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { getStaffItem, staffRecordColumns, type StaffItem } from "./staff-items";

/** The fields of a staff record that people set. */
export interface StaffValues {
  employeeNumber: string;
  name: string;
  email: string | null;
  jobTitle: string;
  departmentId: string;
  managerId: string | null;
  active: boolean;
}

/** A stored staff record: its values and id (what the audit log keeps). */
export type StaffRecord = StaffValues & { id: string };

/** Every staff record of the organisation (the import compares a file against these). */
export function allStaffRecords(db: Queryable, scope: Scope): StaffRecord[] {
  return db
    .select(staffRecordColumns)
    .from(staff)
    .where(eq(staff.organisationId, scope.user.organisationId))
    .all();
}

function getStaffRecord(db: Queryable, scope: Scope, id: string): StaffRecord {
  return found(
    db
      .select(staffRecordColumns)
      .from(staff)
      .where(and(eq(staff.organisationId, scope.user.organisationId), eq(staff.id, id)))
      .get(),
    "Staff member",
  );
}

/** The fields compared to decide whether a save changes anything. */
export const STAFF_FIELDS = [
  "employeeNumber",
  "name",
  "email",
  "jobTitle",
  "departmentId",
  "managerId",
  "active",
] as const satisfies readonly (keyof StaffValues)[];

/** Adds a staff record in the caller's transaction; the caller has checked its references. */
export function insertStaffRecord(tx: Queryable, scope: Scope, record: StaffRecord): void {
  const at = scope.now.toISOString();
  tx.insert(staff)
    .values({ ...record, organisationId: scope.user.organisationId, createdAt: at, updatedAt: at })
    .run();
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: "create",
    entity: "staff",
    entityId: record.id,
    after: record,
  });
}

/** Changes a staff record in the caller's transaction, auditing before and after. */
export function updateStaffRecord(
  tx: Queryable,
  scope: Scope,
  change: { before: StaffRecord; after: StaffRecord },
): void {
  const { id, ...values } = change.after;
  tx.update(staff)
    .set({ ...values, updatedAt: scope.now.toISOString() })
    .where(and(eq(staff.organisationId, scope.user.organisationId), eq(staff.id, id)))
    .run();
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: "update",
    entity: "staff",
    entityId: id,
    before: change.before,
    after: change.after,
  });
}

function assertReferences(db: Queryable, scope: Scope, record: StaffRecord): void {
  const organisationId = scope.user.organisationId;
  const department = db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(eq(departments.organisationId, organisationId), eq(departments.id, record.departmentId)),
    )
    .get();
  if (department === undefined) {
    throw new AppError("bad_request", "Choose a department", { field: "departmentId" });
  }
  if (record.managerId == null) return;
  if (record.managerId === record.id) {
    throw new AppError("bad_request", "A member of staff cannot be their own manager", {
      field: "managerId",
    });
  }
  const manager = db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.organisationId, organisationId), eq(staff.id, record.managerId)))
    .get();
  if (manager === undefined) {
    throw new AppError("bad_request", "Choose a manager from your organisation's staff", {
      field: "managerId",
    });
  }
}

function employeeNumberConflict(employeeNumber: string | undefined) {
  return {
    field: "employeeNumber",
    message: `A member of staff with employee number ${employeeNumber ?? ""} already exists`,
  };
}

/** Adds a member of staff. */
export function createStaff(scope: Scope, input: StaffValues): StaffItem {
  const record = { ...input, id: newId() };
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        assertReferences(tx, scope, record);
        insertStaffRecord(tx, scope, record);
        return getStaffItem(tx, scope.user, record.id);
      }),
    employeeNumberConflict(input.employeeNumber),
  );
}

/** Changes a member of staff; saving the same values changes nothing and is not audited. */
export function updateStaff(
  scope: Scope,
  input: { id: string; data: Partial<StaffValues> },
): StaffItem {
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        const before = getStaffRecord(tx, scope, input.id);
        const after = applyPatch(before, input.data);
        if (!sameFields(before, after, STAFF_FIELDS)) {
          assertReferences(tx, scope, after);
          updateStaffRecord(tx, scope, { before, after });
        }
        return getStaffItem(tx, scope.user, input.id);
      }),
    employeeNumberConflict(input.data.employeeNumber),
  );
}
