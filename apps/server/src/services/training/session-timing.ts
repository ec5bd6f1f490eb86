import { and, eq } from "drizzle-orm";

import { sessionRefusal, type SessionAction } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { trainingSessions } from "../../db/schema";
import { AppError, found } from "../../errors";
import type { Scope } from "../scope";
import { getSessionItem, type SessionItem } from "./session-items";

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

/**
 * Refuses an action the session's status does not allow at the time of the request (see
 * @dapkit/training's lifecycle), saying why with its start date and time in UK time; returns the
 * session when it is allowed. Not found for another organisation's session.
 */
export function assertSessionAction(
  db: Queryable,
  scope: Scope,
  { sessionId, action }: { sessionId: string; action: SessionAction },
): SessionItem {
  const session = getSessionItem(db, scope, sessionId);
  const refusal = sessionRefusal(session, action, scope.now);
  if (refusal != null) throw new AppError("conflict", refusal, { field: "sessionId" });
  // An archived course is no longer offered: people already on its sessions keep their places,
  // but nobody new joins them.
  if (action === "nominate" && session.courseArchivedAt != null) {
    throw new AppError(
      "conflict",
      `${session.courseTitle} has been archived, so nobody can be nominated for its sessions`,
      { field: "sessionId" },
    );
  }
  return session;
}

/**
 * Refuses to add people to a session that has started, closed or been cancelled: its places are
 * history by then, and a late nomination or booking would count towards the Staff Development
 * figure uninvited.
 */
export function assertNotStarted(
  db: Queryable,
  scope: Scope,
  { sessionId, what }: { sessionId: string; what: "nominated for it" | "booked onto it" },
): void {
  assertSessionAction(db, scope, {
    sessionId,
    action: what === "booked onto it" ? "book" : "nominate",
  });
}
