import { and, asc, eq, max } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { nominationEvents, nominations } from "../../db/schema";
import type { Scope } from "../scope";
import { moveNomination } from "./nomination-writes";
import { sessionPlaces } from "./session-places";

/**
 * A session's waiting list, first come first served: ordered by the history entry that put each
 * person on the list (entries are numbered as they are appended, so ties on time cannot arise).
 */
export function waitingList(db: Queryable, scope: Scope, sessionId: string) {
  const joined = max(nominationEvents.id);
  return db
    .select({ id: nominations.id, state: nominations.state, staffId: nominations.staffId })
    .from(nominations)
    .innerJoin(
      nominationEvents,
      and(
        eq(nominationEvents.nominationId, nominations.id),
        eq(nominationEvents.state, "waitlisted"),
      ),
    )
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
        eq(nominations.state, "waitlisted"),
      ),
    )
    .groupBy(nominations.id)
    .orderBy(asc(joined))
    .all();
}

/**
 * Books people from the waiting list into any free places, in the order they joined it. Called in
 * the same transaction as whatever freed the places (a cancelled booking, a larger capacity), so
 * a free place and a waiting person never coexist. Returns the ids of those booked.
 */
export function fillFreePlaces(tx: Queryable, scope: Scope, sessionId: string): string[] {
  const { free } = sessionPlaces(tx, scope, sessionId);
  if (free === 0) return [];
  const promoted = waitingList(tx, scope, sessionId).slice(0, free);
  for (const nomination of promoted) {
    moveNomination(tx, scope, {
      nomination,
      to: "booked",
      note: "A place became free, so booked from the waiting list",
      action: "promote",
    });
  }
  return promoted.map((nomination) => nomination.id);
}
