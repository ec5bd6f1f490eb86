import { and, count, eq, gt, sql, type SQL } from "drizzle-orm";

import type { StateCount } from "@dapkit/training";

import type { SessionUser } from "../../auth/session-user";
import { preparedStatement } from "../../db/prepared";
import {
  departmentTallies,
  nominations,
  nominationTallies,
  staff,
  trainingSessions,
} from "../../db/schema";
import type { Scope } from "../scope";
import { seesSomePeople, visibleStaff } from "../staff/staff-scope";
import { withinDays, type DateRange } from "../training/date-range";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";

/** How many nominations are in a state for one department and manager. */
export type CountRow = StateCount & { departmentId: string; managerId: string | null };

/**
 * The nomination_tallies rows a user may see: as visibleStaff, a manager sees their team's. The
 * tallies know no agencies, so they show an agency lead nothing (their counts are counted).
 */
export function visibleTallies(user: SessionUser): SQL {
  const organisation = eq(nominationTallies.organisationId, user.organisationId);
  if (user.role === "agency_lead") return sql`0`;
  if (user.role !== "manager") return organisation;
  // A manager not linked to a staff record manages nobody.
  const team = user.staffId == null ? sql`0` : eq(nominationTallies.managerKey, user.staffId);
  return and(organisation, team) ?? organisation;
}

// Over all time the counts are kept in nomination_tallies, one row per department, manager and
// state, so a report reads thousands of rows, however many nominations there are.
function talliedCounts(scope: Scope): CountsQuery {
  return scope.db
    .select({
      departmentId: nominationTallies.departmentId,
      managerId: sql<string | null>`nullif(${nominationTallies.managerKey}, '')`,
      state: nominationTallies.state,
      count: nominationTallies.nominations,
    })
    .from(nominationTallies)
    .where(and(visibleTallies(scope.user), gt(nominationTallies.nominations, 0)));
}

// For a date range (or for an agency lead) SQLite counts the nominations of the sessions in it, in
// one grouped query.
function rangeCounts(scope: Scope, dates: SQL | undefined): CountsQuery {
  const { user } = scope;
  return scope.db
    .select({
      departmentId: staff.departmentId,
      managerId: staff.managerId,
      state: nominations.state,
      count: count(),
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(and(eq(nominations.organisationId, user.organisationId), visibleStaff(user), dates))
    .groupBy(staff.departmentId, staff.managerId, nominations.state);
}

/** The query counting nominations: its SQL and values (which say whose and which), and its rows. */
export interface CountsQuery {
  toSQL(): { sql: string; params: unknown[] };
  all(): CountRow[];
}

/**
 * The query of {@link uptakeCounts}, not yet run: nominations counted by department, manager and
 * state, for the sessions starting in a date range (or all time), over the nominations the user
 * may see (a manager: their team's; an agency lead: their agency's).
 */
export function uptakeCountsQuery(scope: Scope, range: DateRange): CountsQuery {
  const dates = withinDays(trainingSessions.startsAt, range);
  // The running counts are per department and manager, not per agency: an agency lead's are
  // counted from their agency's nominations.
  if (dates === undefined && scope.user.role !== "agency_lead") return talliedCounts(scope);
  return rangeCounts(scope, dates);
}

/**
 * Nominations counted by department, manager and state, for the sessions starting in a date range
 * (or all time), over the nominations the user may see.
 */
export function uptakeCounts(scope: Scope, range: DateRange): CountRow[] {
  return uptakeCountsQuery(scope, range).all();
}

// The dashboard's query, on every visit: compiled once rather than built each time.
const departmentTallyRows = preparedStatement((db) =>
  db
    .select({
      departmentId: departmentTallies.departmentId,
      state: departmentTallies.state,
      count: departmentTallies.nominations,
    })
    .from(departmentTallies)
    .where(
      and(
        eq(departmentTallies.organisationId, sql.placeholder("organisationId")),
        gt(departmentTallies.nominations, 0),
      ),
    )
    .prepare(),
);

/**
 * Nominations counted by department and state, as `uptakeCounts` but without the managers. Over
 * all time for a user who sees the whole organisation this reads department_tallies, a few
 * hundred rows: it is the dashboard's query, asked on every visit.
 */
export function departmentCounts(
  scope: Scope,
  range: DateRange,
): (StateCount & { departmentId: string })[] {
  const { user } = scope;
  if (seesSomePeople(user) || withinDays(trainingSessions.startsAt, range) !== undefined) {
    return uptakeCounts(scope, range);
  }
  return departmentTallyRows(scope.db).all({ organisationId: user.organisationId });
}
