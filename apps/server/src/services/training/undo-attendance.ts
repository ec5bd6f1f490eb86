import { and, asc, eq } from "drizzle-orm";

import { formatTime, type NominationState } from "@dapkit/schemas";
import { assertAttendanceUndo, isAttendanceOutcome } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominationEvents, nominations, staff } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { staffOfNomination } from "./nomination-items";
import { moveNomination, WRITE_LOCK } from "./nomination-writes";
import { assertSessionAction } from "./session-timing";

/** One person's attendance put back by an undo: from the state the change left to the one before. */
export interface UndoneMark {
  id: string;
  staffName: string;
  from: NominationState;
  to: NominationState;
}

interface AttendanceChange {
  nominationId: string;
  staffName: string;
  from: NominationState;
  to: NominationState;
  at: string;
  byUserId: string;
}

// Every change into or out of an attendance outcome on the session, oldest first, read from the
// histories (each entry's state against the entry before it for the same person).
function attendanceChanges(tx: Queryable, scope: Scope, sessionId: string): AttendanceChange[] {
  const events = tx
    .select({
      nominationId: nominationEvents.nominationId,
      staffName: staff.name,
      state: nominationEvents.state,
      at: nominationEvents.at,
      byUserId: nominationEvents.byUserId,
    })
    .from(nominationEvents)
    .innerJoin(nominations, eq(nominations.id, nominationEvents.nominationId))
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
      ),
    )
    .orderBy(asc(nominationEvents.id))
    .all();
  const last = new Map<string, NominationState>();
  const changes: AttendanceChange[] = [];
  for (const event of events) {
    const from = last.get(event.nominationId);
    last.set(event.nominationId, event.state);
    // Adding an unscheduled attendee (from nominated) is not a mark to undo: correct it instead.
    if (from === undefined || from === event.state || from === "nominated") continue;
    if (isAttendanceOutcome(from) || isAttendanceOutcome(event.state)) {
      changes.push({ ...event, from, to: event.state });
    }
  }
  return changes;
}

// The latest change: the entries at its end made at the same moment by the same person, one per
// nomination (a register saved at once; a person met twice means an earlier change began).
function lastChange(changes: AttendanceChange[], latest: AttendanceChange): AttendanceChange[] {
  const group: AttendanceChange[] = [];
  const seen = new Set<string>();
  for (const change of changes.toReversed()) {
    const same = change.at === latest.at && change.byUserId === latest.byUserId;
    if (!same || seen.has(change.nominationId)) break;
    seen.add(change.nominationId);
    group.unshift(change);
  }
  return group;
}

/**
 * Undoes the last attendance change on a session that is being held (not yet closed): one mark,
 * or a whole register saved at once (the entries share their time and author). Each person goes
 * back to the state before it, with a history entry and an audit entry; undoing again puts the
 * change back. Refuses when there is nothing to undo.
 */
export function undoLastAttendance(scope: Scope, input: { sessionId: string }): UndoneMark[] {
  return scope.db.transaction((tx) => {
    assertSessionAction(tx, scope, { sessionId: input.sessionId, action: "undoAttendance" });
    const changes = attendanceChanges(tx, scope, input.sessionId);
    const latest = changes.at(-1);
    if (latest === undefined) {
      throw new AppError("conflict", "No attendance has been recorded for this session yet", {
        field: "sessionId",
      });
    }
    const group = lastChange(changes, latest);
    const current = new Map(
      tx
        .select({ id: nominations.id, state: nominations.state })
        .from(nominations)
        .where(
          and(
            eq(nominations.organisationId, scope.user.organisationId),
            eq(nominations.sessionId, input.sessionId),
          ),
        )
        .all()
        .map((row) => [row.id, row.state]),
    );
    const moved = group.filter((change) => current.get(change.nominationId) !== change.to);
    if (moved.length > 0) {
      const names = moved.map((change) => change.staffName).join(", ");
      throw new AppError(
        "conflict",
        `Cannot undo: ${names} changed since; record attendance instead`,
        {
          field: "sessionId",
        },
      );
    }
    const note = `Undid the attendance change made at ${formatTime(latest.at)}`;
    return group.map((change) => {
      moveNomination(tx, scope, {
        nomination: { id: change.nominationId, state: change.to },
        to: change.from,
        note,
        action: "undo_attendance",
        rule: assertAttendanceUndo,
      });
      return {
        id: change.nominationId,
        staffName: change.staffName,
        from: change.to,
        to: change.from,
      };
    });
  }, WRITE_LOCK);
}
