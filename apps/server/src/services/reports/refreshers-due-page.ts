import { sql } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { staff } from "../../db/schema";
import { changeCache, untilChanged } from "../../db/until-changed";
import { sortedPage, type Page } from "../pagination";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import { dayOf } from "../training/date-range";
import {
  compareRefresherPlaces,
  refresherPlace,
  refreshersDue,
  type RefresherDueItem,
} from "./refreshers-due";

/** A page of refreshers due, with how many of the whole list are overdue and how many due soon. */
export type RefreshersDuePage = Page<RefresherDueItem> & { overdue: number; dueSoon: number };

interface DueList {
  rows: RefresherDueItem[];
  overdue: number;
}

// A large council's list runs to tens of thousands of refreshers, worked out from every person's
// latest attendance of each course (over a second at the large size): it is kept until the
// database changes, so going from page to page does not work it out again. A few lists at a time.
const dueLists = changeCache<DueList>(4);

/**
 * The refreshers overdue or due soon (see {@link refreshersDue}), a page at a time, most urgent
 * first. The order is the en-GB collation's, so the list is sorted here and a page asked for
 * after (or before) a refresher is found by its place in it.
 */
export function refreshersDuePage(
  scope: Scope,
  input: { asOf?: string | undefined; withinDays?: number | undefined } & PageRequest,
): RefreshersDuePage {
  const asOf = input.asOf ?? dayOf(scope.now.toISOString());
  // Whose refreshers: the condition on the staff the user may see, in SQL and values.
  const people = scope.db
    .select({ one: sql`1` })
    .from(staff)
    .where(visibleStaff(scope.user))
    .toSQL();
  const list = untilChanged(scope.db, dueLists, {
    key: JSON.stringify([people.sql, people.params, asOf, input.withinDays ?? null]),
    compute: () => {
      const rows = refreshersDue(scope, { asOf, withinDays: input.withinDays });
      return { rows, overdue: rows.filter((row) => row.status === "overdue").length };
    },
  });
  const page = sortedPage(input, list.rows, {
    keyLength: 5,
    keyOf: refresherPlace,
    compare: compareRefresherPlaces,
  });
  return { ...page, overdue: list.overdue, dueSoon: list.rows.length - list.overdue };
}
