import type { Queryable } from "../../db/client";
import type { Scope } from "../scope";
import type { RecommendationOutput } from "@dapkit/contract";
import {
  getRecommendationFields,
  linkedActions,
  listRecommendationUpdates,
} from "./recommendation-queries";

/**
 * A recommendation with every progress note, newest first, and the actions serving it, read
 * through `db` (or a transaction).
 */
export function readRecommendation(
  db: Queryable,
  scope: { organisationId: string; id: string },
): RecommendationOutput {
  const fields = getRecommendationFields(db, scope);
  return {
    ...fields,
    updates: listRecommendationUpdates(db, scope),
    actions: linkedActions(db, scope),
  };
}

/** One of the organisation's recommendations with all its progress notes. */
export function getRecommendation(scope: Scope, input: { id: string }): RecommendationOutput {
  return readRecommendation(scope.db, { organisationId: scope.user.organisationId, id: input.id });
}
