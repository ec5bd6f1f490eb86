import { and, eq, sql } from "drizzle-orm";

import { recommendations, recommendationUpdates, users } from "../../db/schema";
import type { Scope } from "../scope";
import type { RecommendationSummary } from "@dapkit/contract";
import {
  areaIdsOf,
  recommendationColumns,
  recommendationOrder,
  updateColumns,
} from "./recommendation-queries";

/** Every recommendation of the organisation, each with its newest progress note and their count. */
export function listRecommendations(scope: Scope): RecommendationSummary[] {
  const { db, user } = scope;
  // Numbering each recommendation's notes newest first lets one query join just the newest.
  const ranked = db
    .select({
      ...updateColumns,
      recommendationId: recommendationUpdates.recommendationId,
      rank: sql<number>`row_number() over (partition by ${recommendationUpdates.recommendationId} order by ${recommendationUpdates.date} desc, ${recommendationUpdates.id} desc)`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${recommendationUpdates.recommendationId})`.as(
        "total",
      ),
    })
    .from(recommendationUpdates)
    .innerJoin(users, eq(users.id, recommendationUpdates.byUserId))
    .where(eq(recommendationUpdates.organisationId, user.organisationId))
    .as("ranked");
  const rows = db
    .select({
      ...recommendationColumns,
      updateCount: sql<number>`coalesce(${ranked.total}, 0)`,
      latestUpdate: {
        id: ranked.id,
        date: ranked.date,
        note: ranked.note,
        status: ranked.status,
        byUserId: ranked.byUserId,
        byName: ranked.byName,
        createdAt: ranked.createdAt,
      },
    })
    .from(recommendations)
    .leftJoin(ranked, and(eq(ranked.recommendationId, recommendations.id), eq(ranked.rank, 1)))
    .where(eq(recommendations.organisationId, user.organisationId))
    .orderBy(...recommendationOrder)
    .all();
  const areas = areaIdsOf(db, { organisationId: user.organisationId });
  return rows.map((row) => ({ ...row, areaIds: areas.get(row.id) ?? [] }));
}
