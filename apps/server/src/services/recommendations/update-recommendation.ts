import { recommendations } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import type { NewRecommendation } from "./create-recommendation";
import { readRecommendation } from "./get-recommendation";
import { getRecommendationFields, isRecommendation, replaceAreas } from "./recommendation-queries";
import { assertAreaIds, referenceConflict } from "./recommendation-rules";
import type { RecommendationOutput } from "@dapkit/contract";

/**
 * Changes a recommendation's number, text, owner, target date, status or rating, or the areas it
 * is linked to (a given list replaces the old one). Its source never changes.
 */
export function updateRecommendation(
  scope: Scope,
  input: { id: string; data: Partial<Omit<NewRecommendation, "source">> },
): RecommendationOutput {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  const { areaIds, ...fields } = input.data;
  if (areaIds !== undefined) assertAreaIds(user.organisationId, areaIds);
  try {
    return db.transaction((tx) => {
      const before = getRecommendationFields(tx, key);
      if (Object.keys(input.data).length === 0) return readRecommendation(tx, key);
      tx.update(recommendations)
        .set({ ...fields, updatedAt: now.toISOString() })
        .where(isRecommendation(key))
        .run();
      if (areaIds !== undefined) replaceAreas(tx, key, areaIds);
      const after = getRecommendationFields(tx, key);
      recordAudit(tx, {
        actor: actorOf(user),
        at: now,
        action: "update",
        entity: "recommendation",
        entityId: input.id,
        before,
        after,
      });
      return readRecommendation(tx, key);
    });
  } catch (error) {
    throw referenceConflict(error, fields.reference);
  }
}
