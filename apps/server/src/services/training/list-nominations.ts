import { and, asc, count, desc, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";

import { nominations, staff, trainingSessions } from "../../db/schema";
import { pageOf, pageWindow, type Page, type PageRequest } from "../pagination";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";
import {
  selectNominationItems,
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
  const { limit, offset } = pageWindow(input);
  const total =
    db
      .select({ total: count() })
      .from(nominations)
      .innerJoin(staff, staffOfNomination)
      .innerJoin(trainingSessions, sessionOfNomination)
      .where(where)
      .get()?.total ?? 0;
  const items = selectNominationItems(db)
    .where(where)
    .orderBy(desc(trainingSessions.startsAt), asc(staff.name), asc(nominations.id))
    .limit(limit)
    .offset(offset)
    .all();
  return pageOf(input, { items, total });
}
