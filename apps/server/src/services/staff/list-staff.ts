import { and, count, eq, or } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { staff } from "../../db/schema";
import { cachedCount } from "../../db/cached-count";
import { containing } from "../../db/containing";
import { keysetPage, selectWindow, type Keyset, type Page } from "../pagination";
import type { Scope } from "../scope";
import { selectStaffItems, type StaffItem } from "./staff-items";
import { visibleStaff } from "./staff-scope";

/** What a staff list can be narrowed to. */
export interface StaffFilters {
  departmentId?: string | undefined;
  managerId?: string | undefined;
  agencyId?: string | undefined;
  active?: boolean | undefined;
  /** Part of a name or an employee number. */
  search?: string | undefined;
}

// By name; the employee number is unique in an organisation, so it settles ties.
const STAFF_ORDER: Keyset<StaffItem> = {
  columns: [{ column: staff.name }, { column: staff.employeeNumber }],
  keyOf: (row) => [row.name, row.employeeNumber],
};

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
  const total = cachedCount(db, db.select({ total: count() }).from(staff).where(where));
  return keysetPage(input, STAFF_ORDER, {
    total,
    fetch: selectWindow(selectStaffItems(db), where),
  });
}
