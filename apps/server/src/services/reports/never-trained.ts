import { and, count, eq, inArray, notExists, sql } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";

import { cachedCount } from "../../db/cached-count";
import { departments, nominations, staff } from "../../db/schema";
import { keysetPage, selectWindow, type Keyset, type Page } from "../pagination";
import type { Scope } from "../scope";
import { departmentOfStaff, selectStaffItems, type StaffItem } from "../staff/staff-items";
import { visibleStaff } from "../staff/staff-scope";

// "Attended" as the uptake funnel counts it: fully or partially.
const ATTENDED: NominationState[] = ["fully_attended", "partially_attended"];

// By department, then name; the employee number is unique in an organisation, so it settles ties.
const NEVER_TRAINED_ORDER: Keyset<StaffItem> = {
  columns: [{ column: departments.name }, { column: staff.name }, { column: staff.employeeNumber }],
  keyOf: (row) => [row.departmentName, row.name, row.employeeNumber],
};

/**
 * Active staff (a manager: their team) who have never attended any training, fully or partly,
 * by department then name, a page at a time: the people to chase first. A large council's list
 * runs to thousands.
 */
export function neverTrained(scope: Scope, input: PageRequest): Page<StaffItem> {
  const { db, user } = scope;
  const attended = db
    .select({ one: sql`1` })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, staff.organisationId),
        eq(nominations.staffId, staff.id),
        inArray(nominations.state, ATTENDED),
      ),
    );
  const where = and(visibleStaff(user), eq(staff.active, true), notExists(attended));
  const total = cachedCount(
    db,
    db
      .select({ total: count() })
      .from(staff)
      .innerJoin(departments, departmentOfStaff)
      .where(where),
  );
  return keysetPage(input, NEVER_TRAINED_ORDER, {
    total,
    fetch: selectWindow(selectStaffItems(db), where),
  });
}
