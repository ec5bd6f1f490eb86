import { and, count, eq, sql, type SQL } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import type { NominationState } from "@dapkit/schemas";

import {
  departmentTallies,
  nominations,
  nominationTallies,
  staff,
  trainingSessions,
} from "../../db/schema";
import { visibleTallies } from "../reports/uptake-counts";
import { keysetPage, type Page } from "../pagination";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import {
  nominationItemsById,
  sessionOfNomination,
  staffOfNomination,
  type NominationItem,
} from "./nomination-items";
import { NOMINATION_ORDER, nominationPlaces, type PageQuery } from "./nomination-page-ids";

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

type Tally = typeof departmentTallies | typeof nominationTallies;

// The running counts the uptake report keeps, summed over the rows of `tally` that `rows` picks,
// narrowed by department and state.
function tallySum(
  db: Scope["db"],
  { tally, rows }: { tally: Tally; rows: SQL },
  input: NominationFilters,
): number {
  const row = db
    .select({ total: sql<number | null>`sum(${tally.nominations})` })
    .from(tally)
    .where(
      and(
        rows,
        optional(input.departmentId, (id) => eq(tally.departmentId, id)),
        optional(input.state, (state) => eq(tally.state, state)),
      ),
    )
    .get();
  return row?.total ?? 0;
}

// Narrowed by no more than department and state, how many match and how many there are come from
// the running counts, rather than counting thousands of nominations for every page.
function talliedShare(scope: Scope, input: NominationFilters): PageQuery["share"] {
  if (input.sessionId ?? input.courseId ?? input.staffId) return undefined;
  const { db, user } = scope;
  // No running count is kept per agency: an agency lead's nominations are counted.
  if (user.role === "agency_lead") return undefined;
  const organisation = eq(departmentTallies.organisationId, user.organisationId);
  // A manager's count is of their team, which only the per-manager counts know.
  const matching =
    user.role === "manager"
      ? tallySum(db, { tally: nominationTallies, rows: visibleTallies(user) }, input)
      : tallySum(db, { tally: departmentTallies, rows: organisation }, input);
  // The whole organisation's, whoever is asking: a page may read any nomination on its way.
  return { matching, all: tallySum(db, { tally: departmentTallies, rows: organisation }, {}) };
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
  const page = keysetPage(input, NOMINATION_ORDER, {
    total,
    fetch: (window) => nominationPlaces(scope, query, window),
  });
  const ids = page.items.map((place) => place.id);
  return { ...page, items: nominationItemsById(db, user, ids) };
}
