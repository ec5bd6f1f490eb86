import { and, count, eq, gt, inArray, sql, type SQL } from "drizzle-orm";

import type { UptakeFunnel } from "@dapkit/training";

import { nominations, nominationTallies, staff, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { listDepartments } from "../staff/departments";
import { visibleStaff } from "../staff/staff-scope";
import { withinDays, type DateRange } from "../training/date-range";
import { sessionOfNomination, staffOfNomination } from "../training/nomination-items";
import { funnelFromCounts, type StateCount } from "./funnel-counts";

/** One group's funnel, with the name a person reads. */
export type NamedFunnel = UptakeFunnel & { key: string | null; name: string };

/** The uptake funnel overall, by department and by manager. */
export interface UptakeReport {
  overall: UptakeFunnel;
  byDepartment: NamedFunnel[];
  byManager: NamedFunnel[];
}

// One collator for every comparison: the same order as localeCompare(…, "en-GB"), without
// looking the locale up again for each of the thousands of comparisons a large council's sort makes.
const collator = new Intl.Collator("en-GB");

function byName(a: NamedFunnel, b: NamedFunnel): number {
  return collator.compare(a.name, b.name);
}

// Groups in code-unit order of their key, as @dapkit/training orders them, before sorting by name.
function byKey<K extends string | null>(a: [K, StateCount[]], b: [K, StateCount[]]): number {
  if (a[0] === b[0]) return 0;
  if (a[0] == null) return 1;
  if (b[0] == null) return -1;
  return a[0] < b[0] ? -1 : 1;
}

function addTo<K>(groups: Map<K, StateCount[]>, key: K, entry: StateCount): void {
  const counts = groups.get(key);
  if (counts === undefined) groups.set(key, [entry]);
  else counts.push(entry);
}

function managerNames(scope: Scope, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = scope.db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.organisationId, scope.user.organisationId), inArray(staff.id, ids)))
    .all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Counts of nominations by department, manager and state. */
type CountRow = StateCount & { departmentId: string; managerId: string | null };

// Over all time the counts are kept in nomination_tallies, one row per department, manager and
// state, so the report reads thousands of rows, however many nominations there are.
function talliedCounts(scope: Scope): CountRow[] {
  const { user } = scope;
  let team: SQL | undefined;
  if (user.role === "manager") {
    // As visibleStaff: a manager not linked to a staff record manages nobody.
    team = user.staffId == null ? sql`0` : eq(nominationTallies.managerKey, user.staffId);
  }
  return scope.db
    .select({
      departmentId: nominationTallies.departmentId,
      managerId: sql<string | null>`nullif(${nominationTallies.managerKey}, '')`,
      state: nominationTallies.state,
      count: nominationTallies.nominations,
    })
    .from(nominationTallies)
    .where(
      and(
        eq(nominationTallies.organisationId, user.organisationId),
        gt(nominationTallies.nominations, 0),
        team,
      ),
    )
    .all();
}

// For a date range SQLite counts the nominations of the sessions in it, in one grouped query.
function rangeCounts(scope: Scope, dates: SQL): CountRow[] {
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
    .groupBy(staff.departmentId, staff.managerId, nominations.state)
    .all();
}

/**
 * Nominated → booked → attended for the sessions starting in a date range (or all time), over the
 * nominations the user may see (a manager: their team's): nominations counted by department,
 * manager and state in SQL, turned into figures by @dapkit/training's funnel.
 */
export function uptakeReport(scope: Scope, range: DateRange): UptakeReport {
  const dates = withinDays(trainingSessions.startsAt, range);
  const rows = dates === undefined ? talliedCounts(scope) : rangeCounts(scope, dates);
  const overall = new Map<string, StateCount>();
  const byDepartment = new Map<string, StateCount[]>();
  const byManager = new Map<string | null, StateCount[]>();
  for (const { departmentId, managerId, state, count: n } of rows) {
    const sum = overall.get(state) ?? { state, count: 0 };
    sum.count += n;
    overall.set(state, sum);
    addTo(byDepartment, departmentId, { state, count: n });
    addTo(byManager, managerId, { state, count: n });
  }
  const departmentNames = new Map(listDepartments(scope).map((d) => [d.id, d.name]));
  const names = managerNames(
    scope,
    [...byManager.keys()].flatMap((key) => (key == null ? [] : [key])),
  );
  return {
    overall: funnelFromCounts(overall.values()),
    byDepartment: [...byDepartment]
      .sort(byKey)
      .map(([key, counts]) => ({
        key,
        ...funnelFromCounts(counts),
        name: departmentNames.get(key) ?? key,
      }))
      .sort(byName),
    byManager: [...byManager]
      .sort(byKey)
      .map(([key, counts]) => ({
        key,
        ...funnelFromCounts(counts),
        name: key == null ? "No manager" : (names.get(key) ?? key),
      }))
      .sort(byName),
  };
}
