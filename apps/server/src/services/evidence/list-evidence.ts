import { and, asc, eq, sql, type SQL } from "drizzle-orm";

import { londonToday, type EvidenceStatus } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { evidenceItems, evidenceRevisions, users } from "../../db/schema";
import type { Scope } from "../scope";
import { activeFramework, assertAreaOf } from "./active-framework";
import type { EvidenceSummary } from "@dapkit/contract";
import { evidenceColumns, revisionColumns, withStatusOn } from "./evidence-queries";

/**
 * The organisation's evidence for one framework, each item with its newest file and file count,
 * ordered by title; optionally one area only. Statuses are as they stand on `today`.
 */
export function listEvidenceOn(
  db: Queryable,
  options: { organisationId: string; frameworkId: string; today: string; areaId?: string },
): EvidenceSummary[] {
  const { organisationId, frameworkId, today, areaId } = options;
  // Numbering each item's files newest first lets one query join just the newest.
  const ranked = db
    .select({
      ...revisionColumns,
      rank: sql<number>`row_number() over (partition by ${evidenceRevisions.evidenceId} order by ${evidenceRevisions.revision} desc)`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${evidenceRevisions.evidenceId})`.as("total"),
    })
    .from(evidenceRevisions)
    .innerJoin(users, eq(users.id, evidenceRevisions.uploadedBy))
    .where(eq(evidenceRevisions.organisationId, organisationId))
    .as("ranked");
  const filters: SQL[] = [
    eq(evidenceItems.organisationId, organisationId),
    eq(evidenceItems.frameworkId, frameworkId),
  ];
  if (areaId !== undefined) filters.push(eq(evidenceItems.areaId, areaId));
  const rows = db
    .select({
      ...evidenceColumns,
      revisionCount: sql<number>`coalesce(${ranked.total}, 0)`,
      latestRevision: {
        id: ranked.id,
        evidenceId: ranked.evidenceId,
        revision: ranked.revision,
        fileName: ranked.fileName,
        mediaType: ranked.mediaType,
        sizeBytes: ranked.sizeBytes,
        sha256: ranked.sha256,
        uploadedAt: ranked.uploadedAt,
        uploadedBy: ranked.uploadedBy,
        uploadedByName: ranked.uploadedByName,
      },
    })
    .from(evidenceItems)
    .leftJoin(ranked, and(eq(ranked.evidenceId, evidenceItems.id), eq(ranked.rank, 1)))
    .where(and(...filters))
    .orderBy(asc(sql`${evidenceItems.title} collate nocase`), asc(evidenceItems.id))
    .all();
  return rows.map((row) => withStatusOn(row, today));
}

/** The organisation's evidence, filtered by area and by status as it stands today. */
export function listEvidence(
  scope: Scope,
  input: { areaId?: string | undefined; status?: EvidenceStatus | undefined },
): EvidenceSummary[] {
  const framework = activeFramework(scope.user.organisationId);
  if (input.areaId !== undefined) assertAreaOf(framework, input.areaId);
  const items = listEvidenceOn(scope.db, {
    organisationId: scope.user.organisationId,
    frameworkId: framework.id,
    today: londonToday(scope.now),
    ...(input.areaId === undefined ? {} : { areaId: input.areaId }),
  });
  // The status filter applies after the date is taken into account, so "expired" also finds
  // approved items whose expiry date has passed.
  return input.status === undefined ? items : items.filter((item) => item.status === input.status);
}
