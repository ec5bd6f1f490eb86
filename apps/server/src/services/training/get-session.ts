import { and, asc, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { holdsPlace } from "@dapkit/training";

import { agencies, departments, nominations, sessionAgencies, staff } from "../../db/schema";
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
  agencyName: string | null;
  substitutedForId: string | null;
  unscheduled: boolean;
}

/** The agencies a session is chosen for, by name, with the places held for each. */
function agenciesOfSession(scope: Scope, sessionId: string) {
  return scope.db
    .select({
      agencyId: sessionAgencies.agencyId,
      name: agencies.name,
      reservedPlaces: sessionAgencies.reservedPlaces,
    })
    .from(sessionAgencies)
    .innerJoin(
      agencies,
      and(
        eq(agencies.organisationId, sessionAgencies.organisationId),
        eq(agencies.id, sessionAgencies.agencyId),
      ),
    )
    .where(
      and(
        eq(sessionAgencies.organisationId, scope.user.organisationId),
        eq(sessionAgencies.sessionId, sessionId),
      ),
    )
    .orderBy(asc(agencies.name))
    .all();
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
): SessionItem & {
  agencies: ReturnType<typeof agenciesOfSession>;
  nominations: SessionNomination[];
} {
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
      agencyName: agencies.name,
      substitutedForId: nominations.substitutedForId,
      unscheduled: nominations.unscheduled,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(departments, departmentOfStaff)
    .leftJoin(
      agencies,
      and(eq(agencies.organisationId, staff.organisationId), eq(agencies.id, staff.agencyId)),
    )
    .where(and(visibleStaff(user), eq(nominations.sessionId, id)))
    // Two people of the same name are told apart, in the same order every time, by employee number.
    .orderBy(asc(staff.name), asc(staff.employeeNumber))
    .all()
    .map((row) => ({ ...row, waitlistPosition: positions.get(row.id) ?? null }));
  rows.sort(
    (a, b) =>
      section(a.state) - section(b.state) || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
  );
  return { ...session, agencies: agenciesOfSession(scope, id), nominations: rows };
}
