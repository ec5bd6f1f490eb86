import { and, eq } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { departments, staff } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { assertStaffAgency } from "../partnership/agencies/agency-reference";
import { recordAudit } from "../audit/record-audit";
import { applyPatch, sameFields } from "../patch";
import type { Scope } from "../scope";
import { savedUniquely } from "../unique";
import { WRITE_LOCK } from "../training/nomination-writes";
import { cancelLeaverNominations } from "./cancel-leaver-nominations";
import { getStaffItem, staffRecordColumns, type StaffItem } from "./staff-items";

/** The fields of a staff record that people set. */
export interface StaffValues {
  employeeNumber: string;
  name: string;
  email: string | null;
  jobTitle: string;
  departmentId: string;
  managerId: string | null;
  /** The partnership agency they work for (see assertStaffAgency). */
  agencyId: string | null;
  active: boolean;
  /** Left out by the staff import, which does not carry dates, so a file never clears them. */
  startDate?: string | null;
  leavingDate?: string | null;
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
  "agencyId",
  "active",
] as const satisfies readonly (keyof StaffValues)[];

// What a save from the staff record's own form compares: the import's fields and the dates.
const RECORD_FIELDS = [...STAFF_FIELDS, "startDate", "leavingDate"] as const;

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

function assertReferences(
  db: Queryable,
  scope: Scope,
  change: { before?: StaffRecord; after: StaffRecord },
): void {
  const record = change.after;
  const organisationId = scope.user.organisationId;
  // An agency kept as it was may since have been archived: the person stays in it.
  if (change.before?.agencyId !== record.agencyId || record.agencyId == null) {
    assertStaffAgency(db, organisationId, record.agencyId);
  }
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

function assertDates(record: StaffRecord): void {
  const { startDate, leavingDate } = record;
  if (startDate != null && leavingDate != null && leavingDate < startDate) {
    throw new AppError("bad_request", "The leaving date must not be before the start date", {
      field: "leavingDate",
    });
  }
}

/** True when the record's leaving date is today or earlier (London): they have left. */
function hasLeft(scope: Scope, record: StaffRecord): boolean {
  return record.leavingDate != null && record.leavingDate <= londonToday(scope.now);
}

// Someone whose leaving date has come is a former member of staff, whatever the form said.
function withLeaving(scope: Scope, record: StaffRecord): StaffRecord {
  return hasLeft(scope, record) ? { ...record, active: false } : record;
}

function employeeNumberConflict(employeeNumber: string | undefined) {
  return {
    field: "employeeNumber",
    message: `A member of staff with employee number ${employeeNumber ?? ""} already exists`,
  };
}

/** A new member of staff's values; one left out of any agency has none. */
export type NewStaffValues = Omit<StaffValues, "agencyId"> & {
  agencyId?: string | null | undefined;
};

/** Adds a member of staff. */
export function createStaff(scope: Scope, input: NewStaffValues): StaffItem {
  const record = withLeaving(scope, {
    ...input,
    agencyId: input.agencyId ?? null,
    startDate: input.startDate ?? null,
    leavingDate: input.leavingDate ?? null,
    id: newId(),
  });
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        assertReferences(tx, scope, { after: record });
        assertDates(record);
        insertStaffRecord(tx, scope, record);
        return getStaffItem(tx, scope.user, record.id);
      }),
    employeeNumberConflict(input.employeeNumber),
  );
}

/**
 * Changes a member of staff; saving the same values changes nothing and is not audited. Saving a
 * leaving date of today or earlier makes them a former member of staff and, in the same
 * transaction, cancels their nominations and bookings for sessions still to come.
 */
export function updateStaff(
  scope: Scope,
  input: { id: string; data: Partial<StaffValues> },
): StaffItem {
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        const before = getStaffRecord(tx, scope, input.id);
        const after = withLeaving(scope, applyPatch(before, input.data));
        if (!sameFields(before, after, RECORD_FIELDS)) {
          assertReferences(tx, scope, { before, after });
          assertDates(after);
          updateStaffRecord(tx, scope, { before, after });
        }
        if (hasLeft(scope, after)) cancelLeaverNominations(tx, scope, input.id);
        return getStaffItem(tx, scope.user, input.id);
        // Write-locked: a leaver's cancelled place goes to the waiting list in this transaction.
      }, WRITE_LOCK),
    employeeNumberConflict(input.data.employeeNumber),
  );
}
