import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import { departments, nominations, staff } from "../../db/schema";
import type { Scope } from "../scope";
import { selectStaffItems, type StaffItem } from "../staff/staff-items";
import { visibleStaff } from "../staff/staff-scope";

// "Attended" as the uptake funnel counts it: fully or partially.
const ATTENDED: NominationState[] = ["fully_attended", "partially_attended"];

/**
 * Active staff (a manager: their team) who have never attended any training, fully or partly,
 * by department then name: the people to chase first.
 */
export function neverTrained(scope: Scope): StaffItem[] {
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
  return selectStaffItems(db)
    .where(and(visibleStaff(user), eq(staff.active, true), notExists(attended)))
    .orderBy(asc(departments.name), asc(staff.name))
    .all();
}
