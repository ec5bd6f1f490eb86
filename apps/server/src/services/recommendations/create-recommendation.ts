import type { RecommendationStatus } from "@dapkit/schemas";

import { newId } from "../../db/ids";
import { recommendations } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { isUniqueViolation } from "../sqlite-errors";
import { readRecommendation } from "./get-recommendation";
import type { RecommendationOutput } from "@dapkit/contract";

/** Adds a recommendation from a review to the organisation's tracker. */
export function createRecommendation(
  scope: Scope,
  input: {
    reference: string;
    title: string;
    source: string;
    owner: string;
    status: RecommendationStatus;
  },
): RecommendationOutput {
  const { db, user, now } = scope;
  const id = newId();
  const at = now.toISOString();
  try {
    return db.transaction((tx) => {
      tx.insert(recommendations)
        .values({ id, organisationId: user.organisationId, ...input, createdAt: at, updatedAt: at })
        .run();
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
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        `This review already has a recommendation with reference ${input.reference}`,
        { field: "reference", cause: error },
      );
    }
    throw error;
  }
}
