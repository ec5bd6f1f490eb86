import { and, asc, eq, max } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { nominationEvents, nominations, staff } from "../../db/schema";
import type { Scope } from "../scope";
import { agencyPlaceLedger } from "./agency-places";
import { staffOfNomination } from "./nomination-items";
import { moveNomination } from "./nomination-writes";

/**
 * A session's waiting list, first come first served: ordered by the history entry that put each
 * person on the list (entries are numbered as they are appended, so ties on time cannot arise).
 */
export function waitingList(db: Queryable, scope: Scope, sessionId: string) {
  const joined = max(nominationEvents.id);
  return db
    .select({
      id: nominations.id,
      state: nominations.state,
      staffId: nominations.staffId,
      agencyId: staff.agencyId,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
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
 * Books people from the one waiting list into any free places, in the order they joined it.
 * Called in the same transaction as whatever freed the places (a cancelled booking, a larger
 * capacity, released reservations), so a free place and a waiting person who may take it never
 * coexist. In a partnership a place held for another agency until the release date is passed
 * over for the next person who may have it, and anyone the session is no longer open to waits.
 * Returns the ids of those booked.
 */
export function fillFreePlaces(tx: Queryable, scope: Scope, sessionId: string): string[] {
  const places = agencyPlaceLedger(tx, scope, sessionId);
  if (places.freeAtAll() === 0) return [];
  const promoted: string[] = [];
  for (const nomination of waitingList(tx, scope, sessionId)) {
    if (places.freeAtAll() === 0) break;
    if (places.refusal(nomination.agencyId) != null || places.free(nomination.agencyId) === 0) {
      continue;
    }
    moveNomination(tx, scope, {
      nomination,
      to: "booked",
      note: "A place became free, so booked from the waiting list",
      action: "promote",
    });
    places.take(nomination.agencyId);
    promoted.push(nomination.id);
  }
  return promoted;
}
