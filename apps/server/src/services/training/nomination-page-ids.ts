import { and, asc, desc, eq, gt, gte, lt, lte, type SQL } from "drizzle-orm";

import { nominations, staff, trainingSessions } from "../../db/schema";
import type { Keyset, KeysetWindow } from "../pagination";
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

/** A nomination's place in the list: its id and the key it is ordered by. */
export interface NominationPlace {
  id: string;
  startsAt: string;
  name: string;
}

/** Latest session first, then by name; the nomination's id settles ties. */
export const NOMINATION_ORDER: Keyset<NominationPlace> = {
  columns: [
    { column: trainingSessions.startsAt, descending: true },
    { column: staff.name },
    { column: nominations.id },
  ],
  keyOf: (row) => [row.startsAt, row.name, row.id],
};

const PLACE = { id: nominations.id, startsAt: trainingSessions.startsAt, name: staff.name };

// Walking sessions from the position pays while the page lies within this many nominations of it;
// beyond, sorting every match is quicker than reading nearly every session.
const WALK_LIMIT = 20_000;
const FIRST_SESSIONS = 32;
// The most sessions one batch reads. Batches double while they find nothing (upcoming sessions
// have no one attended yet), and a batch that doubled past the empty ones would read hundreds of
// full sessions for the few rows the page still needs.
const MOST_SESSIONS = 256;

// The next batch: double while nothing matches; once rows match, as many sessions as the rows
// still needed take at the rate found so far, with a quarter over.
function nextBatch(batch: number, found: { rows: number; needed: number }): number {
  const wanted =
    found.rows === 0 ? batch * 2 : Math.ceil((found.needed * batch * 1.25) / found.rows);
  return Math.min(MOST_SESSIONS, Math.max(FIRST_SESSIONS, wanted));
}

// Sorts every match beyond the position and takes the page: quick when few match. SQLite keeps no
// statistics here, so with a department it would read every nomination in the state and look up
// each person's department; starting from the department's people (CROSS JOIN fixes the order)
// reads their nominations from a covering index instead.
function sortEveryMatch(scope: Scope, query: PageQuery, window: KeysetWindow): NominationPlace[] {
  const select = scope.db.select(PLACE);
  const where = and(query.where, window.where);
  const joined = query.byDepartment
    ? select
        .from(staff)
        .crossJoin(nominations)
        .crossJoin(trainingSessions)
        .where(and(staffOfNomination, sessionOfNomination, where))
    : select
        .from(nominations)
        .innerJoin(staff, staffOfNomination)
        .innerJoin(trainingSessions, sessionOfNomination)
        .where(where);
  return joined
    .orderBy(...window.orderBy)
    .limit(window.limit)
    .offset(window.offset)
    .all();
}

// Reads sessions from the position (or the latest) on, a growing batch at a time, until the page
// is filled: a page touches the sessions around it rather than sorting a million rows, at any
// depth. A batch always ends at a change of start time, so nominations at the same time are
// sorted together. Backwards (a previous page), sessions are read from the position forward in time.
function walkSessions(scope: Scope, query: PageQuery, window: KeysetWindow): NominationPlace[] {
  const { db, user } = scope;
  const { startsAt } = trainingSessions;
  const forward = !window.backward;
  const beyondTime = forward ? lt : gt;
  const upToTime = forward ? gte : lte;
  const inOrganisation = eq(trainingSessions.organisationId, user.organisationId);
  const from = window.key?.[0];
  const start = from === undefined ? undefined : (forward ? lte : gte)(startsAt, String(from));
  const places: NominationPlace[] = [];
  let passed: string | undefined;
  const wanted = window.offset + window.limit;
  for (let batch = FIRST_SESSIONS; places.length < wanted;) {
    const fresh = passed === undefined ? start : beyondTime(startsAt, passed);
    const last = db
      .select({ startsAt })
      .from(trainingSessions)
      .where(and(inOrganisation, fresh))
      .orderBy(forward ? desc(startsAt) : asc(startsAt))
      .limit(1)
      .offset(batch - 1)
      .get();
    const upTo = last === undefined ? undefined : upToTime(startsAt, last.startsAt);
    const rows = db
      .select(PLACE)
      .from(trainingSessions)
      .crossJoin(nominations)
      .crossJoin(staff)
      .where(
        and(
          inOrganisation,
          fresh,
          upTo,
          sessionOfNomination,
          staffOfNomination,
          query.where,
          window.where,
        ),
      )
      .orderBy(...window.orderBy)
      .all();
    places.push(...rows);
    // Fewer sessions than a batch were left: that was the last of them.
    if (last === undefined) break;
    passed = last.startsAt;
    batch = nextBatch(batch, { rows: rows.length, needed: wanted - places.length });
  }
  return places.slice(window.offset, window.offset + window.limit);
}

/**
 * The places of one page of nominations, latest session first, then by name. When the share of
 * nominations that match is known, it chooses the quicker way to find them: walk sessions from the
 * position if the page is likely within a few thousand nominations of it, else sort every match.
 */
export function nominationPlaces(
  scope: Scope,
  query: PageQuery,
  window: KeysetWindow,
): NominationPlace[] {
  const { share } = query;
  if (share === undefined || share.matching === 0) return sortEveryMatch(scope, query, window);
  const toRead = ((window.offset + window.limit) * share.all) / share.matching;
  return toRead <= WALK_LIMIT
    ? walkSessions(scope, query, window)
    : sortEveryMatch(scope, query, window);
}
