import { closingProblem } from "@dapkit/training";

import { AppError } from "../../errors";
import { noShowsOf, recordCharges } from "../charges/record-charges";
import type { Scope } from "../scope";
import { changeSessionRecord, countInStates } from "./lifecycle-history";
import { WRITE_LOCK } from "./nomination-writes";
import { getSessionItem, type SessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";

/**
 * Closes a session that has been held once every booking has an attendance outcome (refusing,
 * with how many lack one, otherwise). After closing, attendance changes are corrections: HR only,
 * with a reason. Closing charges the no-shows' agencies under the charging policy, if one is on.
 */
export function closeSession(scope: Scope, input: { id: string }): SessionItem {
  return scope.db.transaction((tx) => {
    assertSessionAction(tx, scope, { sessionId: input.id, action: "close" });
    const problem = closingProblem(
      countInStates(tx, scope, { sessionId: input.id, states: ["booked"] }),
    );
    if (problem != null) throw new AppError("conflict", problem, { field: "id" });
    const closedAt = scope.now.toISOString();
    changeSessionRecord(tx, scope, {
      id: input.id,
      action: "close",
      set: { closedAt },
      before: { closedAt: null },
      after: { closedAt },
    });
    recordCharges(tx, scope, {
      what: "not_attended",
      nominationIds: noShowsOf(tx, scope, input.id),
    });
    return getSessionItem(tx, scope, input.id);
  }, WRITE_LOCK);
}
