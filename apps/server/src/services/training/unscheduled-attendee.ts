import { assertUnscheduledAttendance } from "@dapkit/training";

import type { Scope } from "../scope";
import { getNominationItem, type NominationItem } from "./nomination-items";
import { insertNominations, moveNomination, WRITE_LOCK } from "./nomination-writes";
import { markNewNomination, newcomerForSession } from "./session-newcomer";
import { assertSessionAction } from "./session-timing";

/** Someone who signed in without a booking, and how much of the session they attended. */
export interface UnscheduledAttendee {
  sessionId: string;
  staffId: string;
  outcome: "fully_attended" | "partially_attended";
  note: string;
}

const SIGNED_IN = "Signed in without a booking";

/**
 * Adds someone who signed in on the day without a booking to the register, from the session's
 * start until it is closed: a nomination marked `unscheduled`, recorded straight as attended
 * (see @dapkit/training's assertUnscheduledAttendance), with its history and audit entries. It
 * takes no place from anyone booked: the session has started.
 */
export function addUnscheduledAttendee(scope: Scope, input: UnscheduledAttendee): NominationItem {
  return scope.db.transaction((tx) => {
    assertSessionAction(tx, scope, { sessionId: input.sessionId, action: "markAttendance" });
    const person = newcomerForSession(tx, scope, input);
    const note = input.note === "" ? SIGNED_IN : `${SIGNED_IN}. ${input.note}`;
    const [id = ""] = insertNominations(tx, scope, [
      { staffId: person.id, sessionId: input.sessionId, reason: note, mandatory: false },
    ]);
    markNewNomination(tx, scope, { id, set: { unscheduled: true } });
    moveNomination(tx, scope, {
      nomination: { id, state: "nominated" },
      to: input.outcome,
      note,
      action: "add_unscheduled",
      rule: assertUnscheduledAttendance,
    });
    return getNominationItem(tx, scope.user, id);
  }, WRITE_LOCK);
}
