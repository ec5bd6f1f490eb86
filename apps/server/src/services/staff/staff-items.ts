import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import { agencies, departments, staff } from "../../db/schema";
import { found } from "../../errors";
import { visibleStaff } from "./staff-scope";

const manager = alias(staff, "manager");

/** Joins a member of staff to their department, within the same organisation. */
export const departmentOfStaff = and(
  eq(departments.organisationId, staff.organisationId),
  eq(departments.id, staff.departmentId),
);

/** The fields of a staff record that people set, and its id. */
export const staffRecordColumns = {
  id: staff.id,
  employeeNumber: staff.employeeNumber,
  name: staff.name,
  email: staff.email,
  jobTitle: staff.jobTitle,
  departmentId: staff.departmentId,
  managerId: staff.managerId,
  agencyId: staff.agencyId,
  active: staff.active,
  startDate: staff.startDate,
  leavingDate: staff.leavingDate,
};

/** A member of staff as lists show them: with their department's, manager's and agency's names. */
export const staffItemColumns = {
  ...staffRecordColumns,
  departmentName: departments.name,
  managerName: manager.name,
  agencyName: agencies.name,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
};

/** Staff joined to their department and manager; callers add the where clause. */
export function selectStaffItems(db: Queryable) {
  return db
    .select(staffItemColumns)
    .from(staff)
    .innerJoin(departments, departmentOfStaff)
    .leftJoin(
      manager,
      and(eq(manager.organisationId, staff.organisationId), eq(manager.id, staff.managerId)),
    )
    .leftJoin(
      agencies,
      and(eq(agencies.organisationId, staff.organisationId), eq(agencies.id, staff.agencyId)),
    );
}

/** A member of staff with department and manager names. */
export type StaffItem = ReturnType<ReturnType<typeof selectStaffItems>["all"]>[number];

/** A member of staff the user may see, or not found. */
export function getStaffItem(db: Queryable, user: SessionUser, id: string): StaffItem {
  return found(
    selectStaffItems(db)
      .where(and(visibleStaff(user), eq(staff.id, id)))
      .get(),
    "Staff member",
  );
}
