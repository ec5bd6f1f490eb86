import type { Scope } from "../scope";
import { changeSessionRecord, liveNominations, type AffectedNomination } from "./lifecycle-history";
import { moveNomination, WRITE_LOCK } from "./nomination-writes";
import { getSessionItem, type SessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";

/** What cancelling a session changed: the session, and everyone cancelled with their state before. */
export interface SessionCancelled {
  session: SessionItem;
  cancelled: AffectedNomination[];
}

/**
 * Cancels a session that has not started: every booking is cancelled, the waiting list cleared
 * and nominations not yet booked withdrawn, each history entry carrying the reason; the session
 * records when and why. One transaction, all audited. Returns who was cancelled, so they can be
 * told.
 */
export function cancelSession(
  scope: Scope,
  input: { id: string; reason: string },
): SessionCancelled {
  return scope.db.transaction((tx) => {
    assertSessionAction(tx, scope, { sessionId: input.id, action: "cancel" });
    const cancelled = liveNominations(tx, scope, input.id);
    for (const nomination of cancelled) {
      moveNomination(tx, scope, {
        nomination,
        to: "cancelled",
        note: input.reason,
        action: "cancel_with_session",
      });
    }
    const cancelledAt = scope.now.toISOString();
    changeSessionRecord(tx, scope, {
      id: input.id,
      action: "cancel",
      set: { cancelledAt, cancelReason: input.reason },
      before: { cancelledAt: null },
      after: { cancelledAt, cancelReason: input.reason, nominationsCancelled: cancelled.length },
    });
    return { session: getSessionItem(tx, scope, input.id), cancelled };
  }, WRITE_LOCK);
}
