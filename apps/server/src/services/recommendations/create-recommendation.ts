import type { RagRating, RecommendationStatus } from "@dapkit/schemas";

import { newId } from "../../db/ids";
import { recommendations } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { readRecommendation } from "./get-recommendation";
import { replaceAreas } from "./recommendation-queries";
import { assertAreaIds, referenceConflict } from "./recommendation-rules";
import type { RecommendationOutput } from "@dapkit/contract";

/** What a new recommendation holds; with no target date, rating or areas until given them. */
export interface NewRecommendation {
  reference: string;
  title: string;
  source: string;
  owner: string;
  status: RecommendationStatus;
  targetDate?: string | null;
  rag?: RagRating | null;
  areaIds?: string[];
}

/** Adds a recommendation from a review to the organisation's tracker. */
export function createRecommendation(scope: Scope, input: NewRecommendation): RecommendationOutput {
  const { db, user, now } = scope;
  const { areaIds = [], ...fields } = input;
  assertAreaIds(user.organisationId, areaIds);
  const id = newId();
  const at = now.toISOString();
  try {
    return db.transaction((tx) => {
      tx.insert(recommendations)
        .values({
          id,
          organisationId: user.organisationId,
          ...fields,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      replaceAreas(tx, { organisationId: user.organisationId, id }, areaIds);
      const created = readRecommendation(tx, { organisationId: user.organisationId, id });
      recordAudit(tx, {
        actor: actorOf(user),
        at: now,
        action: "create",
        entity: "recommendation",
        entityId: id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    throw referenceConflict(error, input.reference);
  }
}
