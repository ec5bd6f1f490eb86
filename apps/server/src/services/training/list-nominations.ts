import { and, count, eq, sql, type AnyColumn } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import {
  departmentTallies,
  nominations,
  nominationTallies,
  staff,
  trainingSessions,
} from "../../db/schema";
import { visibleTallies } from "../reports/uptake-counts";
import { pageOf, type Page, type PageRequest } from "../pagination";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import {
  nominationItemsById,
  sessionOfNomination,
  staffOfNomination,
  type NominationItem,
} from "./nomination-items";
import { nominationPageIds, type PageQuery } from "./nomination-page-ids";

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

// The running counts the uptake report keeps, summed: rows per department and state, or for a
// manager, per department, manager and state.
function talliedSum(scope: Scope, input: NominationFilters, user = scope.user): number {
  const state = (column: AnyColumn) => optional(input.state, (value) => eq(column, value));
  const department = (column: AnyColumn) => optional(input.departmentId, (id) => eq(column, id));
  const [table, where] =
    user.role === "manager"
      ? [
          nominationTallies,
          and(
            visibleTallies(user),
            department(nominationTallies.departmentId),
            state(nominationTallies.state),
          ),
        ]
      : [
          departmentTallies,
          and(
            eq(departmentTallies.organisationId, user.organisationId),
            department(departmentTallies.departmentId),
            state(departmentTallies.state),
          ),
        ];
  const row = scope.db
    .select({ total: sql<number | null>`sum(${table.nominations})` })
    .from(table)
    .where(where)
    .get();
  return row?.total ?? 0;
}

// Narrowed by no more than department and state, how many match and how many there are come from
// the running counts, rather than counting thousands of nominations for every page.
function talliedShare(scope: Scope, input: NominationFilters): PageQuery["share"] {
  if (input.sessionId ?? input.courseId ?? input.staffId) return undefined;
  // The organisation's nominations, whoever is asking: a page may read any of them on its way.
  const everyone = { ...scope.user, role: "hr" as const };
  return { matching: talliedSum(scope, input), all: talliedSum(scope, {}, everyone) };
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
  const share = talliedShare(scope, input);
  const total =
    share?.matching ??
    db
      .select({ total: count() })
      .from(nominations)
      .innerJoin(staff, staffOfNomination)
      .innerJoin(trainingSessions, sessionOfNomination)
      .where(where)
      .get()?.total ??
    0;
  const query = { where, byDepartment: input.departmentId !== undefined, share };
  const items = nominationItemsById(db, user, nominationPageIds(scope, query, input));
  return pageOf(input, { items, total });
}
