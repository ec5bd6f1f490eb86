import { and, eq } from "drizzle-orm";

import { closingProblem } from "@dapkit/training";

import { trainingSessions } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { countInStates } from "./lifecycle-history";
import { WRITE_LOCK } from "./nomination-writes";
import { getSessionItem, type SessionItem } from "./session-items";
import { assertSessionAction } from "./session-timing";

/**
 * Closes a session that has been held once every booking has an attendance outcome (refusing,
 * with how many lack one, otherwise). After closing, attendance changes are corrections: HR only,
 * with a reason.
 */
export function closeSession(scope: Scope, input: { id: string }): SessionItem {
  return scope.db.transaction((tx) => {
    assertSessionAction(tx, scope, { sessionId: input.id, action: "close" });
    const problem = closingProblem(
      countInStates(tx, scope, { sessionId: input.id, states: ["booked"] }),
    );
    if (problem != null) throw new AppError("conflict", problem, { field: "id" });
    const closedAt = scope.now.toISOString();
    tx.update(trainingSessions)
      .set({ closedAt })
      .where(
        and(
          eq(trainingSessions.organisationId, scope.user.organisationId),
          eq(trainingSessions.id, input.id),
        ),
      )
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "close",
      entity: "training_session",
      entityId: input.id,
      before: { closedAt: null },
      after: { closedAt },
    });
    return getSessionItem(tx, scope, input.id);
  }, WRITE_LOCK);
}
