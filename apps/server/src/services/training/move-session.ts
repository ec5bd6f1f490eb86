import { formatDateTime } from "@dapkit/schemas";

import { AppError } from "../../errors";
import { queueSessionChangedMessages } from "../notifications/nomination-messages";
import type { Scope } from "../scope";
import { changeSessionRecord, liveNominations, type AffectedNomination } from "./lifecycle-history";
import { appendEvent, WRITE_LOCK } from "./nomination-writes";
import { normalisedTimes } from "./save-session";
import { getSessionItem, type SessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";

/** What moving a session changed: the session, its times before, and everyone still on it. */
export interface SessionMoved {
  session: SessionItem;
  previous: { startsAt: string; endsAt: string };
  nominations: AffectedNomination[];
}

/**
 * Moves a session that has not started to a new date and time in the future. Bookings and the
 * waiting list stay as they are; each person's history records the move (with the note, if any),
 * and the change is audited. Returns who is on the session, so they can be told.
 */
export function moveSession(
  scope: Scope,
  input: { id: string; startsAt: string; endsAt: string; note: string },
): SessionMoved {
  const times = normalisedTimes({ startsAt: input.startsAt, endsAt: input.endsAt });
  if (times.startsAt <= scope.now.toISOString()) {
    throw new AppError("bad_request", "The new date and time must be in the future", {
      field: "startsAt",
    });
  }
  return scope.db.transaction((tx) => {
    const before = assertSessionAction(tx, scope, { sessionId: input.id, action: "move" });
    if (before.startsAt === times.startsAt && before.endsAt === times.endsAt) {
      throw new AppError("bad_request", "The session already takes place then", {
        field: "startsAt",
      });
    }
    const previous = { startsAt: before.startsAt, endsAt: before.endsAt };
    const moved = `Session moved from ${formatDateTime(previous.startsAt)} to ${formatDateTime(times.startsAt)}`;
    const note = [moved, input.note].filter((part) => part !== "").join(". ");
    // In waiting-list order, so the entries leave the order of the waiting list as it was.
    const nominations = liveNominations(tx, scope, input.id);
    for (const nomination of nominations) {
      appendEvent(tx, scope, { nominationId: nomination.id, state: nomination.state, note });
    }
    changeSessionRecord(tx, scope, {
      id: input.id,
      action: "move",
      set: times,
      before: previous,
      after: { ...times, note: input.note },
    });
    queueSessionChangedMessages(tx, scope, input.id);
    return { session: getSessionItem(tx, scope, input.id), previous, nominations };
  }, WRITE_LOCK);
}
