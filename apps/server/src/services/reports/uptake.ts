import { and, eq, inArray, isNotNull } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import { funnelFromCounts, type StateCount, type UptakeFunnel } from "@dapkit/training";

import { staff } from "../../db/schema";
import { changeCache, untilChanged } from "../../db/until-changed";
import { sortedPage, type KeyValue, type Page } from "../pagination";
import type { Scope } from "../scope";
import { listDepartments } from "../staff/departments";
import type { DateRange } from "../training/date-range";
import { departmentCounts, uptakeCountsQuery } from "./uptake-counts";

/** One group's funnel, with the name a person reads. */
export type NamedFunnel = UptakeFunnel & { key: string | null; name: string };

/** The uptake funnel overall and by department: the dashboard's figures. */
export interface UptakeSummary {
  overall: UptakeFunnel;
  byDepartment: NamedFunnel[];
}

// One collator for every comparison: the same order as localeCompare(…, "en-GB"), without
// looking the locale up again for each of the thousands of comparisons a large council's sort makes.
const collator = new Intl.Collator("en-GB");

// A group's place in its list: its name, then its key ("" for the group with no key, which comes
// after any group of the same name). Both the sort and a page's position (uptake by manager's)
// read the order from here.
function groupPlace(group: NamedFunnel): readonly KeyValue[] {
  return [group.name, group.key ?? ""];
}

function text(value: KeyValue | undefined): string {
  return String(value ?? "");
}

// Names in the en-GB collation; equal names by key in code-unit order, as @dapkit/training
// orders keys, the missing key last.
function comparePlaces(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  const byName = collator.compare(text(a[0]), text(b[0]));
  const keyA = text(a[1]);
  const keyB = text(b[1]);
  if (byName !== 0 || keyA === keyB) return byName;
  if (keyA === "") return 1;
  if (keyB === "") return -1;
  return keyA < keyB ? -1 : 1;
}

/** Counts grouped by `keyOf`, as funnels named by `nameOf`, in order of name. */
function namedFunnels<Row extends StateCount, K extends string | null>(
  rows: readonly Row[],
  keyOf: (row: Row) => K,
  nameOf: (key: K) => string,
): NamedFunnel[] {
  const groups = new Map<K, StateCount[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const counts = groups.get(key);
    if (counts === undefined) groups.set(key, [row]);
    else counts.push(row);
  }
  // Each group's place is worked out once, not at every comparison of the sort.
  return [...groups]
    .map(([key, counts]) => {
      const group = { key, ...funnelFromCounts(counts), name: nameOf(key) };
      return { group, place: groupPlace(group) };
    })
    .sort((a, b) => comparePlaces(a.place, b.place))
    .map(({ group }) => group);
}

/**
 * Nominated → booked → attended for the sessions starting in a date range (or all time), over the
 * nominations the user may see (a manager: their team's), overall and by department: counted in
 * SQL, turned into figures by @dapkit/training's funnel.
 */
export function uptakeSummary(scope: Scope, range: DateRange): UptakeSummary {
  const rows = departmentCounts(scope, range);
  const names = new Map(listDepartments(scope).map((d) => [d.id, d.name]));
  return {
    overall: funnelFromCounts(rows),
    byDepartment: namedFunnels(
      rows,
      (row) => row.departmentId,
      (key) => names.get(key) ?? key,
    ),
  };
}

// The names of the organisation's line managers, found through the staff they manage.
function managerNames(scope: Scope): Map<string, string> {
  const { db, user } = scope;
  const managers = db
    .selectDistinct({ id: staff.managerId })
    .from(staff)
    .where(and(eq(staff.organisationId, user.organisationId), isNotNull(staff.managerId)));
  const rows = db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.organisationId, user.organisationId), inArray(staff.id, managers)))
    .all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

// A large council's managers, counted and sorted, are kept until the database changes, so going
// from page to page does not count and sort them again. A few lists at a time: each is thousands
// of groups.
const managerGroups = changeCache<NamedFunnel[]>(8);

/**
 * The same funnel by line manager, a page at a time in order of name: a county council has
 * thousands of managers, more than a page should show or a dashboard should wait for. The order
 * is the en-GB collation's, which SQLite's cannot match, so the list is sorted here and a page
 * asked for after (or before) a manager is found by name in it. The sorted list is remembered
 * until the database changes.
 */
export function uptakeByManager(scope: Scope, input: DateRange & PageRequest): Page<NamedFunnel> {
  const counts = uptakeCountsQuery(scope, input);
  const { sql, params } = counts.toSQL();
  // The query's SQL and values say whose nominations and which dates: the key.
  const groups = untilChanged(scope.db, managerGroups, {
    key: JSON.stringify([sql, params]),
    compute: () => {
      const names = managerNames(scope);
      return namedFunnels(
        counts.all(),
        (row) => row.managerId,
        (key) => (key == null ? "No manager" : (names.get(key) ?? key)),
      );
    },
  });
  return sortedPage(input, groups, {
    keyLength: 2,
    keyOf: groupPlace,
    compare: comparePlaces,
  });
}
