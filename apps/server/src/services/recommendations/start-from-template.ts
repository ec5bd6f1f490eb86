import { and, eq, inArray } from "drizzle-orm";

import type { RECOMMENDATION_TEMPLATES } from "@dapkit/contract";

import { newId } from "../../db/ids";
import { recommendations } from "../../db/schema";
import { AppError } from "../../errors";
import {
  OXFORDSHIRE_REVIEW_SOURCE,
  oxfordshireRecommendations,
} from "../../seed/recommendations-data";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

// Each template: the review the recommendations come from, and their numbers, text and owners.
// They start not started: the progress is the organisation's own to record.
const TEMPLATES = {
  "oxfordshire-2017": {
    source: OXFORDSHIRE_REVIEW_SOURCE,
    items: oxfordshireRecommendations.map(({ reference, title, owner }) => ({
      reference,
      title,
      owner,
    })),
  },
} as const satisfies Record<keyof typeof RECOMMENDATION_TEMPLATES, unknown>;

/**
 * Adds every recommendation of a review template, all or nothing: refused, naming the numbers,
 * if the organisation already has any of them from that review.
 */
export function startFromTemplate(
  scope: Scope,
  input: { template: keyof typeof RECOMMENDATION_TEMPLATES },
): { source: string; created: number } {
  const { db, user, now } = scope;
  const { source, items } = TEMPLATES[input.template];
  const at = now.toISOString();
  return db.transaction((tx) => {
    const taken = tx
      .select({ reference: recommendations.reference })
      .from(recommendations)
      .where(
        and(
          eq(recommendations.organisationId, user.organisationId),
          eq(recommendations.source, source),
          inArray(
            recommendations.reference,
            items.map((item) => item.reference),
          ),
        ),
      )
      .all()
      .map((row) => row.reference);
    if (taken.length > 0) {
      throw new AppError(
        "conflict",
        `You already have recommendation ${taken.join(", ")} of the ${source}: nothing was added`,
        { field: "template" },
      );
    }
    const rows = items.map((item) => ({
      id: newId(),
      organisationId: user.organisationId,
      ...item,
      source,
      status: "not_started" as const,
      createdAt: at,
      updatedAt: at,
    }));
    tx.insert(recommendations).values(rows).run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "start_from_template",
      entity: "recommendation",
      after: { template: input.template, source, references: rows.map((row) => row.reference) },
    });
    return { source, created: rows.length };
  });
}
