import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import { nominations, nominationTallies, staff, trainingSessions } from "../../db/schema";
import { visibleTallies } from "../reports/uptake-counts";
import { pageOf, pageWindow, type Page, type PageRequest } from "../pagination";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import {
  nominationItemsById,
  sessionOfNomination,
  staffOfNomination,
  type NominationItem,
} from "./nomination-items";

/** What a list of nominations can be narrowed to. */
export interface NominationFilters {
  sessionId?: string | undefined;
  courseId?: string | undefined;
  state?: NominationState | undefined;
  departmentId?: string | undefined;
  staffId?: string | undefined;
}

function optional<T>(value: T | undefined, condition: (value: T) => ReturnType<typeof eq>) {
  return value === undefined ? undefined : condition(value);
}

// Without a department the planner's choice of index is good; with one, SQLite (which keeps no
// statistics here) would read every nomination in the state and look up each person's department,
// seconds at a million nominations. Starting from the department's people (CROSS JOIN fixes the
// order) reads their nominations from a covering index instead.
function pageIds(scope: Scope, input: NominationFilters & PageRequest, where: SQL | undefined) {
  const { limit, offset } = pageWindow(input);
  const joined =
    input.departmentId === undefined
      ? scope.db
          .select({ id: nominations.id })
          .from(nominations)
          .innerJoin(staff, staffOfNomination)
          .innerJoin(trainingSessions, sessionOfNomination)
          .where(where)
      : scope.db
          .select({ id: nominations.id })
          .from(staff)
          .crossJoin(nominations)
          .crossJoin(trainingSessions)
          .where(and(staffOfNomination, sessionOfNomination, where));
  return joined
    .orderBy(desc(trainingSessions.startsAt), asc(staff.name), asc(nominations.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => row.id);
}

// Narrowed by no more than department and state, the total is a sum of the running counts the
// uptake report keeps, rather than a count of thousands of nominations on every page.
function talliedTotal(scope: Scope, input: NominationFilters): number | undefined {
  if (input.sessionId ?? input.courseId ?? input.staffId) return undefined;
  const row = scope.db
    .select({ total: sql<number | null>`sum(${nominationTallies.nominations})` })
    .from(nominationTallies)
    .where(
      and(
        visibleTallies(scope.user),
        optional(input.departmentId, (id) => eq(nominationTallies.departmentId, id)),
        optional(input.state, (state) => eq(nominationTallies.state, state)),
      ),
    )
    .get();
  return row?.total ?? 0;
}

/** One page of the nominations the user may see, latest session first, then by name. */
export function listNominations(
  scope: Scope,
  input: NominationFilters & PageRequest,
): Page<NominationItem> {
  const { db, user } = scope;
  const where = and(
    visibleStaff(user),
    optional(input.sessionId, (id) => eq(nominations.sessionId, id)),
    optional(input.courseId, (id) => eq(trainingSessions.courseId, id)),
    optional(input.state, (state) => eq(nominations.state, state)),
    optional(input.departmentId, (id) => eq(staff.departmentId, id)),
    optional(input.staffId, (id) => eq(nominations.staffId, id)),
  );
  const total =
    talliedTotal(scope, input) ??
    db
      .select({ total: count() })
      .from(nominations)
      .innerJoin(staff, staffOfNomination)
      .innerJoin(trainingSessions, sessionOfNomination)
      .where(where)
      .get()?.total ??
    0;
  const items = nominationItemsById(db, user, pageIds(scope, input, where));
  return pageOf(input, { items, total });
}
