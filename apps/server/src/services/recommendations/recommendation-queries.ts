import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import {
  actionPlanActions,
  recommendationAreas,
  recommendations,
  recommendationUpdates,
  users,
} from "../../db/schema";
import { found } from "../../errors";
import type {
  RecommendationFields,
  RecommendationOutput,
  RecommendationUpdateOutput,
} from "@dapkit/contract";

/** The recommendation fields that leave the server, but for the areas (see `areaIdsOf`). */
export const recommendationColumns = {
  id: recommendations.id,
  reference: recommendations.reference,
  title: recommendations.title,
  source: recommendations.source,
  owner: recommendations.owner,
  status: recommendations.status,
  targetDate: recommendations.targetDate,
  rag: recommendations.rag,
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

/** The priority areas each of the organisation's recommendations is linked to, in area-id order. */
export function areaIdsOf(
  db: Queryable,
  scope: { organisationId: string; id?: string },
): Map<string, string[]> {
  const rows = db
    .select({ id: recommendationAreas.recommendationId, areaId: recommendationAreas.areaId })
    .from(recommendationAreas)
    .where(
      and(
        eq(recommendationAreas.organisationId, scope.organisationId),
        scope.id === undefined ? undefined : eq(recommendationAreas.recommendationId, scope.id),
      ),
    )
    .orderBy(asc(recommendationAreas.areaId))
    .all();
  const byRecommendation = new Map<string, string[]>();
  for (const row of rows) {
    byRecommendation.set(row.id, [...(byRecommendation.get(row.id) ?? []), row.areaId]);
  }
  return byRecommendation;
}

/** One of the organisation's recommendations, or a not-found error. */
export function getRecommendationFields(
  db: Queryable,
  scope: { organisationId: string; id: string },
): RecommendationFields {
  const fields = found(
    db.select(recommendationColumns).from(recommendations).where(isRecommendation(scope)).get(),
    "Recommendation",
  );
  return { ...fields, areaIds: areaIdsOf(db, scope).get(scope.id) ?? [] };
}

/** The action-plan actions that serve one recommendation, soonest due first. */
export function linkedActions(
  db: Queryable,
  scope: { organisationId: string; id: string },
): RecommendationOutput["actions"] {
  return db
    .select({
      id: actionPlanActions.id,
      areaId: actionPlanActions.areaId,
      what: actionPlanActions.what,
      dueDate: actionPlanActions.dueDate,
      status: actionPlanActions.status,
    })
    .from(actionPlanActions)
    .where(
      and(
        eq(actionPlanActions.organisationId, scope.organisationId),
        eq(actionPlanActions.recommendationId, scope.id),
      ),
    )
    .orderBy(asc(actionPlanActions.dueDate))
    .all();
}

/** Replaces the priority areas a recommendation is linked to. */
export function replaceAreas(
  db: Queryable,
  scope: { organisationId: string; id: string },
  areaIds: readonly string[],
): void {
  db.delete(recommendationAreas)
    .where(
      and(
        eq(recommendationAreas.organisationId, scope.organisationId),
        eq(recommendationAreas.recommendationId, scope.id),
      ),
    )
    .run();
  if (areaIds.length === 0) return;
  db.insert(recommendationAreas)
    .values(
      areaIds.map((areaId) => ({
        organisationId: scope.organisationId,
        recommendationId: scope.id,
        areaId,
      })),
    )
    .run();
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
