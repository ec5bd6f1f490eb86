import { and, count, eq } from "drizzle-orm";

import { holdsPlace } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { inIds } from "../../db/id-list";
import { nominations, trainingSessions } from "../../db/schema";
import { found } from "../../errors";
import type { Scope } from "../scope";

/** How a session's places stand. */
export interface PlaceCounts {
  /** Places taken: nominations booked or with attendance marked. */
  booked: number;
  waitlisted: number;
}

/**
 * Places taken and people waiting for each session, counted by state over the
 * (organisation, session, state) index; which states take a place is `holdsPlace`'s rule.
 */
export function placeCounts(
  db: Queryable,
  scope: Scope,
  sessionIds: readonly string[],
): Map<string, PlaceCounts> {
  const counts = new Map(sessionIds.map((id) => [id, { booked: 0, waitlisted: 0 }]));
  if (sessionIds.length === 0) return counts;
  const rows = db
    .select({ sessionId: nominations.sessionId, state: nominations.state, n: count() })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        // An import names any number of sessions.
        inIds(nominations.sessionId, sessionIds),
      ),
    )
    .groupBy(nominations.sessionId, nominations.state)
    .all();
  for (const row of rows) {
    const entry = counts.get(row.sessionId);
    if (entry === undefined) continue;
    if (holdsPlace(row.state)) entry.booked += row.n;
    if (row.state === "waitlisted") entry.waitlisted += row.n;
  }
  return counts;
}

/** Places still free: never negative, even if capacity was once set below the places taken. */
export function placesLeft(capacity: number, counts: PlaceCounts): number {
  return Math.max(0, capacity - counts.booked);
}

/** A session's capacity and free places, read in the caller's transaction. */
export function sessionPlaces(
  db: Queryable,
  scope: Scope,
  sessionId: string,
): PlaceCounts & { capacity: number; free: number } {
  const session = found(
    db
      .select({ capacity: trainingSessions.capacity })
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.organisationId, scope.user.organisationId),
          eq(trainingSessions.id, sessionId),
        ),
      )
      .get(),
    "Training session",
  );
  const counts = placeCounts(db, scope, [sessionId]).get(sessionId) ?? { booked: 0, waitlisted: 0 };
  return { ...counts, capacity: session.capacity, free: placesLeft(session.capacity, counts) };
}
