import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";

import { londonToday, type EvidenceStatus } from "@dapkit/schemas";
import type { EvidenceSummary, PageRequest } from "@dapkit/contract";

import { cachedCount } from "../../db/cached-count";
import type { Queryable } from "../../db/client";
import { containing } from "../../db/containing";
import { inIds } from "../../db/id-list";
import { evidenceItems, evidenceRevisions, users } from "../../db/schema";
import { keysetPage, selectWindow, type Keyset, type Page } from "../pagination";
import type { Scope } from "../scope";
import { activeFramework, assertAreaOf } from "./active-framework";
import {
  evidenceColumns,
  hasStatusOn,
  revisionColumns,
  withStatusOn,
  type StoredEvidence,
} from "./evidence-queries";

/** Which of an organisation's evidence, for one framework, with statuses as they stand on `today`. */
interface EvidenceFilter {
  organisationId: string;
  frameworkId: string;
  today: string;
  areaId?: string | undefined;
  status?: EvidenceStatus | undefined;
  /** Words the title contains, case aside. */
  search?: string | undefined;
}

// By title, case aside, as people look a title up; the id settles equal titles. The indexes on
// the title in the same collation give each page by key without sorting the organisation's items.
const byTitle = sql<string>`${evidenceItems.title} collate nocase`;

const EVIDENCE_ORDER: Keyset<StoredEvidence> = {
  columns: [{ column: byTitle }, { column: evidenceItems.id }],
  keyOf: (row) => [row.title, row.id],
};

function matching(filter: EvidenceFilter): SQL | undefined {
  const { areaId, status, search } = filter;
  return and(
    eq(evidenceItems.organisationId, filter.organisationId),
    eq(evidenceItems.frameworkId, filter.frameworkId),
    areaId === undefined ? undefined : eq(evidenceItems.areaId, areaId),
    status === undefined ? undefined : hasStatusOn(status, filter.today),
    search === undefined || search === "" ? undefined : containing(evidenceItems.title, search),
  );
}

/**
 * Each item with its newest file and how many files it has had, and its status on `today`. The
 * files are read for these items only, so a page costs the same however many items the
 * organisation has.
 */
function withFiles(
  db: Queryable,
  filter: EvidenceFilter,
  items: readonly StoredEvidence[],
): EvidenceSummary[] {
  if (items.length === 0) return [];
  // Numbering each item's files newest first picks out the newest with one query.
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
    .where(
      and(
        eq(evidenceRevisions.organisationId, filter.organisationId),
        inIds(
          evidenceRevisions.evidenceId,
          items.map((item) => item.id),
        ),
      ),
    )
    .as("ranked");
  const newest = db
    .select({
      total: ranked.total,
      file: {
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
    .from(ranked)
    .where(eq(ranked.rank, 1))
    .all();
  const byItem = new Map(newest.map((row) => [row.file.evidenceId, row]));
  return items.map((item) => {
    const newestFile = byItem.get(item.id);
    return withStatusOn(
      {
        ...item,
        revisionCount: newestFile?.total ?? 0,
        latestRevision: newestFile?.file ?? null,
      },
      filter.today,
    );
  });
}

/**
 * Every item of the organisation's evidence for one framework (optionally one area), each with
 * its newest file and file count, ordered by title: for the evidence pack, which holds them all.
 */
export function listEvidenceOn(db: Queryable, filter: EvidenceFilter): EvidenceSummary[] {
  const items = db
    .select(evidenceColumns)
    .from(evidenceItems)
    .where(matching(filter))
    .orderBy(asc(byTitle), asc(evidenceItems.id))
    .all();
  return withFiles(db, filter, items);
}

/**
 * One page of the organisation's evidence by title, filtered by area, by status as it stands
 * today ("expired" also finds approved items whose expiry date has passed) and by words in the
 * title.
 */
export function listEvidence(
  scope: Scope,
  input: Omit<EvidenceFilter, "organisationId" | "frameworkId" | "today"> & PageRequest,
): Page<EvidenceSummary> {
  const { db, user } = scope;
  const framework = activeFramework(user.organisationId);
  if (input.areaId !== undefined) assertAreaOf(framework, input.areaId);
  const filter: EvidenceFilter = {
    organisationId: user.organisationId,
    frameworkId: framework.id,
    today: londonToday(scope.now),
    areaId: input.areaId,
    status: input.status,
    search: input.search,
  };
  const where = matching(filter);
  const total = cachedCount(db, db.select({ total: count() }).from(evidenceItems).where(where));
  const page = keysetPage(input, EVIDENCE_ORDER, {
    total,
    fetch: selectWindow(db.select(evidenceColumns).from(evidenceItems), where),
  });
  return { ...page, items: withFiles(db, filter, page.items) };
}
