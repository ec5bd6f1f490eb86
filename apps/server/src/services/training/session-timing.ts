import { and, eq } from "drizzle-orm";

import { formatDate, formatTime } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { trainingSessions } from "../../db/schema";
import { AppError, found } from "../../errors";
import type { Scope } from "../scope";

/** When a session starts, read in the caller's transaction (not found for another organisation). */
export function sessionStart(db: Queryable, scope: Scope, sessionId: string): Date {
  const session = found(
    db
      .select({ startsAt: trainingSessions.startsAt })
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
  return new Date(session.startsAt);
}

// "9:30am on 1 April 2026", in London time.
function startWords(startsAt: Date): string {
  const iso = startsAt.toISOString();
  return `${formatTime(iso)} on ${formatDate(iso)}`;
}

/**
 * Refuses to add people to a session that has started: its places are history by then, and a
 * late nomination or booking would count towards the Staff Development figure uninvited.
 * `what` completes "so nobody can be …".
 */
export function assertNotStarted(
  db: Queryable,
  scope: Scope,
  { sessionId, what }: { sessionId: string; what: "nominated for it" | "booked onto it" },
): void {
  const startsAt = sessionStart(db, scope, sessionId);
  if (scope.now.getTime() < startsAt.getTime()) return;
  throw new AppError(
    "conflict",
    `This session started at ${startWords(startsAt)}, so nobody can be ${what}`,
    { field: "sessionId" },
  );
}
