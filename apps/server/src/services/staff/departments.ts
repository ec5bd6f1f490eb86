import { and, asc, eq, ne, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { preparedStatement } from "../../db/prepared";
import { departments } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

const departmentColumns = { id: departments.id, name: departments.name };

/** A department as the API returns it. */
export interface DepartmentItem {
  id: string;
  name: string;
}

// The dashboard names its departments on every visit: compiled once rather than built each time.
const departmentsByName = preparedStatement((db) =>
  db
    .select(departmentColumns)
    .from(departments)
    .where(eq(departments.organisationId, sql.placeholder("organisationId")))
    .orderBy(asc(departments.name))
    .prepare(),
);

/** Every department of the user's organisation, by name. */
export function listDepartments(scope: Scope): DepartmentItem[] {
  return departmentsByName(scope.db).all({ organisationId: scope.user.organisationId });
}

/** A department of the organisation, or not found. */
export function getDepartment(db: Queryable, scope: Scope, id: string): DepartmentItem {
  return found(
    db
      .select(departmentColumns)
      .from(departments)
      .where(and(eq(departments.organisationId, scope.user.organisationId), eq(departments.id, id)))
      .get(),
    "Department",
  );
}

// Names differing only in case would read as the same department on every report and in imports.
function assertNameFree(
  db: Queryable,
  scope: Scope,
  department: { name: string; exceptId?: string },
): void {
  const { name, exceptId } = department;
  const clash = db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.organisationId, scope.user.organisationId),
        sql`lower(${departments.name}) = lower(${name})`,
        exceptId === undefined ? undefined : ne(departments.id, exceptId),
      ),
    )
    .get();
  if (clash !== undefined) {
    throw new AppError("conflict", `A department called ${name} already exists`, {
      field: "name",
    });
  }
}

/** Adds a department in the caller's transaction (the staff import uses it too). */
export function insertDepartment(
  tx: Queryable,
  scope: Scope,
  department: DepartmentItem,
): DepartmentItem {
  tx.insert(departments)
    .values({
      ...department,
      organisationId: scope.user.organisationId,
      createdAt: scope.now.toISOString(),
    })
    .run();
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: "create",
    entity: "department",
    entityId: department.id,
    after: department,
  });
  return department;
}

/** Adds a department; its name must be new to the organisation. */
export function createDepartment(scope: Scope, input: { name: string }): DepartmentItem {
  return scope.db.transaction((tx) => {
    assertNameFree(tx, scope, { name: input.name });
    return insertDepartment(tx, scope, { id: newId(), name: input.name });
  });
}

/** Renames a department. */
export function updateDepartment(
  scope: Scope,
  input: { id: string; data: { name?: string } },
): DepartmentItem {
  return scope.db.transaction((tx) => {
    const before = getDepartment(tx, scope, input.id);
    const { name } = input.data;
    if (name === undefined || name === before.name) return before;
    assertNameFree(tx, scope, { name, exceptId: input.id });
    tx.update(departments)
      .set({ name })
      .where(
        and(
          eq(departments.organisationId, scope.user.organisationId),
          eq(departments.id, input.id),
        ),
      )
      .run();
    const after = { ...before, name };
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "update",
      entity: "department",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}
