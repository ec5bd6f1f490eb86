import { and, asc, count, eq, or } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { staff } from "../../db/schema";
import { pageOf, pageWindow, type Page } from "../pagination";
import type { Scope } from "../scope";
import { selectStaffItems, type StaffItem } from "./staff-items";
import { containing, visibleStaff } from "./staff-scope";

/** What a staff list can be narrowed to. */
export interface StaffFilters {
  departmentId?: string | undefined;
  managerId?: string | undefined;
  agencyId?: string | undefined;
  active?: boolean | undefined;
  /** Part of a name or an employee number. */
  search?: string | undefined;
}

/** One page of the staff the user may see, by name. */
export function listStaff(scope: Scope, input: StaffFilters & PageRequest): Page<StaffItem> {
  const { db, user } = scope;
  const where = and(
    visibleStaff(user),
    input.departmentId === undefined ? undefined : eq(staff.departmentId, input.departmentId),
    input.managerId === undefined ? undefined : eq(staff.managerId, input.managerId),
    input.agencyId === undefined ? undefined : eq(staff.agencyId, input.agencyId),
    input.active === undefined ? undefined : eq(staff.active, input.active),
    input.search === undefined || input.search === ""
      ? undefined
      : or(containing(staff.name, input.search), containing(staff.employeeNumber, input.search)),
  );
  const { limit, offset } = pageWindow(input);
  const total = db.select({ total: count() }).from(staff).where(where).get()?.total ?? 0;
  const items = selectStaffItems(db)
    .where(where)
    .orderBy(asc(staff.name), asc(staff.employeeNumber))
    .limit(limit)
    .offset(offset)
    .all();
  return pageOf(input, { items, total });
}
