import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { recommendations, recommendationUpdates, users } from "../../db/schema";
import { found } from "../../errors";
import type { RecommendationFields, RecommendationUpdateOutput } from "@dapkit/contract";

/** The recommendation fields that leave the server. */
export const recommendationColumns = {
  id: recommendations.id,
  reference: recommendations.reference,
  title: recommendations.title,
  source: recommendations.source,
  owner: recommendations.owner,
  status: recommendations.status,
  createdAt: recommendations.createdAt,
  updatedAt: recommendations.updatedAt,
};

/** The progress-note fields that leave the server, with the author's name. */
export const updateColumns = {
  id: recommendationUpdates.id,
  date: recommendationUpdates.date,
  note: recommendationUpdates.note,
  status: recommendationUpdates.status,
  byUserId: recommendationUpdates.byUserId,
  byName: users.name,
  createdAt: recommendationUpdates.createdAt,
};

/** Newest first: by the date the progress happened, then by the order it was recorded. */
export const newestUpdateFirst = [desc(recommendationUpdates.date), desc(recommendationUpdates.id)];

/** Recommendations sort by source, then by reference as a person reads it ("2" before "10"). */
export const recommendationOrder = [
  asc(recommendations.source),
  asc(sql`length(${recommendations.reference})`),
  asc(recommendations.reference),
];

/** Matches the one recommendation `key` names, within its organisation. */
export function isRecommendation(key: { organisationId: string; id: string }): SQL | undefined {
  return and(
    eq(recommendations.organisationId, key.organisationId),
    eq(recommendations.id, key.id),
  );
}

/** One of the organisation's recommendations, or a not-found error. */
export function getRecommendationFields(
  db: Queryable,
  scope: { organisationId: string; id: string },
): RecommendationFields {
  return found(
    db.select(recommendationColumns).from(recommendations).where(isRecommendation(scope)).get(),
    "Recommendation",
  );
}

/** Every progress note on one recommendation, newest first. */
export function listRecommendationUpdates(
  db: Queryable,
  scope: { organisationId: string; id: string },
): RecommendationUpdateOutput[] {
  return db
    .select(updateColumns)
    .from(recommendationUpdates)
    .innerJoin(users, eq(users.id, recommendationUpdates.byUserId))
    .where(
      and(
        eq(recommendationUpdates.organisationId, scope.organisationId),
        eq(recommendationUpdates.recommendationId, scope.id),
      ),
    )
    .orderBy(...newestUpdateFirst)
    .all();
}
