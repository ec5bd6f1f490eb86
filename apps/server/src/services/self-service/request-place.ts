import { and, eq } from "drizzle-orm";

import { nominations, trainingRequests } from "../../db/schema";
import type { Queryable } from "../../db/client";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { agencyPlaceLedger } from "../training/agency-places";
import { liveNomination } from "../training/session-newcomer";
import { insertNominations, WRITE_LOCK } from "../training/nomination-writes";
import { assertNotStarted } from "../training/session-timing";
import { selectMyNominations, type MyNomination } from "./my-nominations";
import { requireOwnStaff } from "./own-staff";

function assertNotAlreadyIn(
  tx: Queryable,
  scope: Scope,
  { staffId, sessionId }: { staffId: string; sessionId: string },
): void {
  const already = liveNomination(tx, scope, { staffId, sessionId });
  if (already !== undefined) {
    throw new AppError("conflict", "You already have a place or a request for this session", {
      field: "sessionId",
    });
  }
}

/**
 * Asks for a place on a session for the user themselves: a nomination in the nominated state,
 * marked as their own request, which their line manager then approves or declines and HR books.
 * Only for current staff, on a session that has neither started nor been cancelled (and, in a
 * partnership, is open to their agency).
 */
export function requestPlace(
  scope: Scope,
  input: { sessionId: string; reason: string },
): MyNomination {
  return scope.db.transaction((tx) => {
    // Not found for another organisation's session, before anything about the user; refused for
    // one that has started, closed or been cancelled (the session lifecycle's rule).
    assertNotStarted(tx, scope, { sessionId: input.sessionId, what: "nominated for it" });
    const person = requireOwnStaff(tx, scope);
    if (!person.active) {
      throw new AppError(
        "conflict",
        "Your staff record shows you have left, so you cannot ask for training",
      );
    }
    assertNotAlreadyIn(tx, scope, { staffId: person.id, sessionId: input.sessionId });
    // In a partnership, only a session open to the person's agency.
    const refusal = agencyPlaceLedger(tx, scope, input.sessionId).refusal(person.agencyId);
    if (refusal != null) {
      throw new AppError("conflict", `This session is not for you to ask for. ${refusal}`, {
        field: "sessionId",
      });
    }
    const [id = ""] = insertNominations(tx, scope, [
      { staffId: person.id, sessionId: input.sessionId, reason: input.reason, mandatory: false },
    ]);
    const request = {
      nominationId: id,
      organisationId: scope.user.organisationId,
      requestedBy: scope.user.id,
      requestedAt: scope.now.toISOString(),
    };
    tx.insert(trainingRequests).values(request).run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "request",
      entity: "nomination",
      entityId: id,
      after: { staffId: person.id, sessionId: input.sessionId },
    });
    return found(
      selectMyNominations(tx)
        .where(
          and(eq(nominations.organisationId, scope.user.organisationId), eq(nominations.id, id)),
        )
        .get(),
      "Nomination",
    );
  }, WRITE_LOCK);
}
