import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { nominations, staff, trainingSessions } from "../../db/schema";
import { pageWindow } from "../pagination";
import type { Scope } from "../scope";
import { sessionOfNomination, staffOfNomination } from "./nomination-items";

/** Which nominations a page is of: its conditions, and how many match out of how many. */
export interface PageQuery {
  where: SQL | undefined;
  /** Whether the conditions name a department (so its people are the place to start). */
  byDepartment: boolean;
  /** Matching nominations and all the organisation's, when known without counting. */
  share?: { matching: number; all: number } | undefined;
}

const ORDER = [desc(trainingSessions.startsAt), asc(staff.name), asc(nominations.id)];

// Walking sessions from the latest pays while the page lies within this many nominations of the
// start; beyond it, sorting every match is quicker than reading nearly every session.
const WALK_LIMIT = 20_000;
const FIRST_SESSIONS = 32;

// Sorts every match and takes the page: quick when few match. SQLite keeps no statistics here,
// so with a department it would read every nomination in the state and look up each person's
// department; starting from the department's people (CROSS JOIN fixes the order) reads their
// nominations from a covering index instead.
function sortEveryMatch(scope: Scope, query: PageQuery, page: PageRequest): string[] {
  const { limit, offset } = pageWindow(page);
  const select = scope.db.select({ id: nominations.id });
  const joined = query.byDepartment
    ? select
        .from(staff)
        .crossJoin(nominations)
        .crossJoin(trainingSessions)
        .where(and(staffOfNomination, sessionOfNomination, query.where))
    : select
        .from(nominations)
        .innerJoin(staff, staffOfNomination)
        .innerJoin(trainingSessions, sessionOfNomination)
        .where(query.where);
  return joined
    .orderBy(...ORDER)
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => row.id);
}

// Reads sessions from the latest back, a growing batch at a time, until the page is filled: an
// early page of a long list (the first page of every nomination, say) touches a few sessions
// rather than sorting a million rows. A batch always ends at a change of start time, so
// nominations at the same time are sorted together.
function walkSessions(scope: Scope, query: PageQuery, page: PageRequest): string[] {
  const { db, user } = scope;
  const { limit, offset } = pageWindow(page);
  const ids: string[] = [];
  let before: string | undefined;
  for (let batch = FIRST_SESSIONS; ids.length < offset + limit; batch *= 2) {
    const inOrganisation = eq(trainingSessions.organisationId, user.organisationId);
    const earlier = before === undefined ? undefined : lt(trainingSessions.startsAt, before);
    const last = db
      .select({ startsAt: trainingSessions.startsAt })
      .from(trainingSessions)
      .where(and(inOrganisation, earlier))
      .orderBy(desc(trainingSessions.startsAt))
      .limit(1)
      .offset(batch - 1)
      .get();
    const from = last === undefined ? undefined : gte(trainingSessions.startsAt, last.startsAt);
    const rows = db
      .select({ id: nominations.id })
      .from(trainingSessions)
      .crossJoin(nominations)
      .crossJoin(staff)
      .where(
        and(inOrganisation, earlier, from, sessionOfNomination, staffOfNomination, query.where),
      )
      .orderBy(...ORDER)
      .all();
    ids.push(...rows.map((row) => row.id));
    // Fewer sessions than a batch were left: that was the last of them.
    if (last === undefined) break;
    before = last.startsAt;
  }
  return ids.slice(offset, offset + limit);
}

/**
 * The ids of one page of nominations, latest session first, then by name. When the share of
 * nominations that match is known, it chooses the quicker way to find them: walk sessions from the
 * latest if the page is likely within a few thousand nominations of the start, else sort every match.
 */
export function nominationPageIds(scope: Scope, query: PageQuery, page: PageRequest): string[] {
  const { share } = query;
  if (share === undefined || share.matching === 0) return sortEveryMatch(scope, query, page);
  const { limit, offset } = pageWindow(page);
  const toRead = ((offset + limit) * share.all) / share.matching;
  return toRead <= WALK_LIMIT
    ? walkSessions(scope, query, page)
    : sortEveryMatch(scope, query, page);
}
