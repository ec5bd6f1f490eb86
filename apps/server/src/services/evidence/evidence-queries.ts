import { and, asc, desc, eq, gt, isNull, lte, max, or, type SQL } from "drizzle-orm";

import { evidenceStatusAsOf } from "@dapkit/daha";

import type { Queryable } from "../../db/client";
import { evidenceEvents, evidenceItems, evidenceRevisions, users } from "../../db/schema";
import { found } from "../../errors";
import type { EvidenceItemOutput, EvidenceRevisionOutput } from "@dapkit/contract";

/** Which evidence item: always within one organisation. */
export interface EvidenceKey {
  organisationId: string;
  id: string;
}

/** The evidence item fields as stored. */
export const evidenceColumns = {
  id: evidenceItems.id,
  frameworkId: evidenceItems.frameworkId,
  areaId: evidenceItems.areaId,
  title: evidenceItems.title,
  kind: evidenceItems.kind,
  owner: evidenceItems.owner,
  effectiveDate: evidenceItems.effectiveDate,
  reviewDate: evidenceItems.reviewDate,
  expiryDate: evidenceItems.expiryDate,
  recordedStatus: evidenceItems.status,
  createdAt: evidenceItems.createdAt,
  updatedAt: evidenceItems.updatedAt,
};

/** The revision fields that leave the server, with the uploader's name (join `users`). */
export const revisionColumns = {
  id: evidenceRevisions.id,
  evidenceId: evidenceRevisions.evidenceId,
  revision: evidenceRevisions.revision,
  fileName: evidenceRevisions.fileName,
  mediaType: evidenceRevisions.mediaType,
  sizeBytes: evidenceRevisions.sizeBytes,
  sha256: evidenceRevisions.sha256,
  uploadedAt: evidenceRevisions.uploadedAt,
  uploadedBy: evidenceRevisions.uploadedBy,
  uploadedByName: users.name,
};

/** Matches the one evidence item `key` names, within its organisation. */
export function isEvidenceItem(key: EvidenceKey): SQL | undefined {
  return and(eq(evidenceItems.organisationId, key.organisationId), eq(evidenceItems.id, key.id));
}

/** Matches every file of the evidence item `key` names, within its organisation. */
function isRevisionOf(key: EvidenceKey): SQL | undefined {
  return and(
    eq(evidenceRevisions.organisationId, key.organisationId),
    eq(evidenceRevisions.evidenceId, key.id),
  );
}

// Files with their uploader's name; callers add the condition.
function selectRevisions(db: Queryable) {
  return db
    .select(revisionColumns)
    .from(evidenceRevisions)
    .innerJoin(users, eq(users.id, evidenceRevisions.uploadedBy));
}

/** An evidence item as stored: its recorded status, before the date is taken into account. */
export type StoredEvidence = Omit<EvidenceItemOutput, "status">;

/** Adds the status an item has on `today` (approved evidence past its expiry reads as expired). */
export function withStatusOn<T extends StoredEvidence>(
  row: T,
  today: string,
): T & { status: EvidenceItemOutput["status"] } {
  return { ...row, status: evidenceStatusAsOf({ ...row, status: row.recordedStatus }, today) };
}

/**
 * Matches the items whose status on `today` is `status`, as `evidenceStatusAsOf` works it out:
 * approved evidence reads as expired from its expiry date. Lists filter here, in SQL, so that they
 * page and count by key; the evidence tests hold this to `evidenceStatusAsOf`'s answers for every
 * status and expiry date either side of the day.
 */
export function hasStatusOn(status: EvidenceItemOutput["status"], today: string): SQL | undefined {
  const recorded = eq(evidenceItems.status, status);
  if (status === "expired") {
    return or(
      recorded,
      and(eq(evidenceItems.status, "approved"), lte(evidenceItems.expiryDate, today)),
    );
  }
  if (status === "approved") {
    return and(recorded, or(isNull(evidenceItems.expiryDate), gt(evidenceItems.expiryDate, today)));
  }
  return recorded;
}

/** One of the organisation's evidence items as stored, or a not-found error. */
export function getStoredEvidence(db: Queryable, key: EvidenceKey): StoredEvidence {
  return found(
    db
      .select(evidenceColumns)
      .from(evidenceItems)
      .where(
        and(eq(evidenceItems.organisationId, key.organisationId), eq(evidenceItems.id, key.id)),
      )
      .get(),
    "Evidence",
  );
}

/** Every file uploaded to an evidence item, newest first. */
export function listRevisions(db: Queryable, key: EvidenceKey): EvidenceRevisionOutput[] {
  return selectRevisions(db)
    .where(isRevisionOf(key))
    .orderBy(desc(evidenceRevisions.revision))
    .all();
}

/** An evidence item's status history, oldest first. */
export function listEvents(db: Queryable, key: EvidenceKey) {
  return db
    .select({
      id: evidenceEvents.id,
      status: evidenceEvents.status,
      at: evidenceEvents.at,
      byUserId: evidenceEvents.byUserId,
      byName: users.name,
      note: evidenceEvents.note,
    })
    .from(evidenceEvents)
    .innerJoin(users, eq(users.id, evidenceEvents.byUserId))
    .where(
      and(
        eq(evidenceEvents.organisationId, key.organisationId),
        eq(evidenceEvents.evidenceId, key.id),
      ),
    )
    .orderBy(asc(evidenceEvents.id))
    .all();
}

/** Appends an entry to an evidence item's status history. */
export function recordEvidenceEvent(
  db: Queryable,
  event: {
    key: EvidenceKey;
    status: EvidenceItemOutput["status"];
    at: Date;
    byUserId: string;
    note: string;
  },
): void {
  db.insert(evidenceEvents)
    .values({
      organisationId: event.key.organisationId,
      evidenceId: event.key.id,
      status: event.status,
      at: event.at.toISOString(),
      byUserId: event.byUserId,
      note: event.note,
    })
    .run();
}

/** One of the organisation's uploaded files, or a not-found error. */
export function getRevision(
  db: Queryable,
  key: { organisationId: string; revisionId: string },
): EvidenceRevisionOutput {
  return found(
    selectRevisions(db)
      .where(
        and(
          eq(evidenceRevisions.organisationId, key.organisationId),
          eq(evidenceRevisions.id, key.revisionId),
        ),
      )
      .get(),
    "File",
  );
}

/** The number of an evidence item's newest file: 0 when it has none. */
export function latestRevisionNumber(db: Queryable, key: EvidenceKey): number {
  const row = db
    .select({ revision: max(evidenceRevisions.revision) })
    .from(evidenceRevisions)
    .where(isRevisionOf(key))
    .get();
  return row?.revision ?? 0;
}
