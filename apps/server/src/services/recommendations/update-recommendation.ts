import type { RecommendationStatus } from "@dapkit/schemas";

import { recommendations } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { getRecommendationFields, isRecommendation } from "./recommendation-queries";
import { readRecommendation } from "./get-recommendation";
import type { RecommendationOutput } from "@dapkit/contract";

/** Changes a recommendation's title, owner or status. */
export function updateRecommendation(
  scope: Scope,
  input: {
    id: string;
    data: { title?: string; owner?: string; status?: RecommendationStatus };
  },
): RecommendationOutput {
  const { db, user, now } = scope;
  const key = { organisationId: user.organisationId, id: input.id };
  return db.transaction((tx) => {
    const before = getRecommendationFields(tx, key);
    if (Object.keys(input.data).length === 0) return readRecommendation(tx, key);
    tx.update(recommendations)
      .set({ ...input.data, updatedAt: now.toISOString() })
      .where(isRecommendation(key))
      .run();
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
}
