import { and, count, eq, inArray } from "drizzle-orm";

import type { UptakeFunnel } from "@dapkit/training";

import { nominations, staff, trainingSessions } from "../../db/schema";
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

/**
 * Nominated → booked → attended for the sessions starting in a date range, over the nominations
 * the user may see (a manager: their team's). SQLite counts the nominations in each state for each
 * department and manager in one pass over the indexes, so a report over a million nominations
 * reads thousands of counts rather than a million rows; @dapkit/training's funnel turns the
 * counts into figures. Without a date range the sessions need not be read at all.
 */
export function uptakeReport(scope: Scope, range: DateRange): UptakeReport {
  const { db, user } = scope;
  const dates = withinDays(trainingSessions.startsAt, range);
  const grouped = db
    .select({
      departmentId: staff.departmentId,
      managerId: staff.managerId,
      state: nominations.state,
      count: count(),
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination);
  const rows = (
    dates === undefined ? grouped : grouped.innerJoin(trainingSessions, sessionOfNomination)
  )
    .where(and(eq(nominations.organisationId, user.organisationId), visibleStaff(user), dates))
    .groupBy(staff.departmentId, staff.managerId, nominations.state)
    .all();
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
