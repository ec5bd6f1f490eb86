import { and, asc, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { holdsPlace } from "@dapkit/training";

import { departments, nominations, staff } from "../../db/schema";
import type { Scope } from "../scope";
import { departmentOfStaff } from "../staff/staff-items";
import { visibleStaff } from "../staff/staff-scope";
import { staffOfNomination } from "./nomination-items";
import { getSessionItem, type SessionItem } from "./session-items";
import { waitingList } from "./waiting-list";

/** One person on a session's list. */
export interface SessionNomination {
  id: string;
  staffId: string;
  staffName: string;
  employeeNumber: string;
  departmentName: string;
  state: NominationState;
  mandatory: boolean;
  stateChangedAt: string;
  /** 1 for the next person to get a place; null when not on the waiting list. */
  waitlistPosition: number | null;
}

// The register reads top to bottom: places taken, then those still to be booked, then the
// waiting list in its order, then those declined or cancelled.
function section(state: NominationState): number {
  if (holdsPlace(state)) return 0;
  if (state === "nominated" || state === "approved") return 1;
  return state === "waitlisted" ? 2 : 3;
}

/**
 * A session with the nominations the user may see (a manager: their team's), in register order
 * with the waiting list in the order places will be offered.
 */
export function getSession(
  scope: Scope,
  id: string,
): SessionItem & { nominations: SessionNomination[] } {
  const { db, user } = scope;
  const session = getSessionItem(db, scope, id);
  const positions = new Map(
    waitingList(db, scope, id).map((entry, index) => [entry.id, index + 1]),
  );
  const rows = db
    .select({
      id: nominations.id,
      staffId: nominations.staffId,
      staffName: staff.name,
      employeeNumber: staff.employeeNumber,
      departmentName: departments.name,
      state: nominations.state,
      mandatory: nominations.mandatory,
      stateChangedAt: nominations.stateChangedAt,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(departments, departmentOfStaff)
    .where(and(visibleStaff(user), eq(nominations.sessionId, id)))
    .orderBy(asc(staff.name))
    .all()
    .map((row) => ({ ...row, waitlistPosition: positions.get(row.id) ?? null }));
  rows.sort(
    (a, b) =>
      section(a.state) - section(b.state) || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
  );
  return { ...session, nominations: rows };
}
