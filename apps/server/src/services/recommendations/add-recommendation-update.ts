import { londonToday, type RecommendationStatus } from "@dapkit/schemas";

import { recommendations, recommendationUpdates } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { readRecommendation } from "./get-recommendation";
import { getRecommendationFields, isRecommendation } from "./recommendation-queries";
import type { RecommendationOutput } from "@dapkit/contract";

/**
 * Records dated progress on a recommendation. Notes are never changed afterwards; a new status
 * given with the note becomes the recommendation's status.
 */
export function addRecommendationUpdate(
  scope: Scope,
  input: { id: string; date: string; note: string; status?: RecommendationStatus | undefined },
): RecommendationOutput {
  const { db, user, now } = scope;
  if (input.date > londonToday(now)) {
    throw new AppError("bad_request", "The date of progress cannot be in the future", {
      field: "date",
    });
  }
  const key = { organisationId: user.organisationId, id: input.id };
  return db.transaction((tx) => {
    const before = getRecommendationFields(tx, key);
    const status = input.status ?? before.status;
    const at = now.toISOString();
    const inserted = tx
      .insert(recommendationUpdates)
      .values({
        organisationId: key.organisationId,
        recommendationId: key.id,
        date: input.date,
        note: input.note,
        status,
        byUserId: user.id,
        createdAt: at,
      })
      .returning({ id: recommendationUpdates.id })
      .get();
    tx.update(recommendations).set({ status, updatedAt: at }).where(isRecommendation(key)).run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "add_update",
      entity: "recommendation",
      entityId: key.id,
      before: { status: before.status },
      after: { updateId: inserted.id, date: input.date, note: input.note, status },
    });
    return readRecommendation(tx, key);
  });
}
