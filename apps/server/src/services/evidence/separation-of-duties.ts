import { and, asc, eq, inArray, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { evidenceEvents, evidenceItems, evidenceRevisions } from "../../db/schema";
import { AppError } from "../../errors";
import { getSettings } from "../organisations/organisation-settings";
import type { Scope } from "../scope";
import type { EvidenceKey } from "./evidence-queries";

/**
 * Whether the signed-in user's organisation requires evidence to be approved by someone other
 * than its author: its `separateEvidenceApproval` setting, on by default.
 */
export function separationOfDutiesRequired(scope: Scope): boolean {
  return getSettings(scope).separateEvidenceApproval;
}

/**
 * An item's authors: the person who created it, the person who uploaded its newest file (the one
 * being approved) and the person who last sent it for review. Any of them has shaped what is
 * approved, so none of them may be its approver.
 */
export function evidenceAuthors(db: Queryable, key: EvidenceKey): Set<string> {
  const authors = new Set<string>();
  const item = db
    .select({ createdBy: evidenceItems.createdBy })
    .from(evidenceItems)
    .where(and(eq(evidenceItems.organisationId, key.organisationId), eq(evidenceItems.id, key.id)))
    .get();
  if (item !== undefined) authors.add(item.createdBy);
  const uploader = db
    .select({ by: evidenceRevisions.uploadedBy })
    .from(evidenceRevisions)
    .where(
      and(
        eq(evidenceRevisions.organisationId, key.organisationId),
        eq(evidenceRevisions.evidenceId, key.id),
      ),
    )
    .orderBy(sql`${evidenceRevisions.revision} desc`)
    .limit(1)
    .get();
  if (uploader !== undefined) authors.add(uploader.by);
  const sender = db
    .select({ by: evidenceEvents.byUserId })
    .from(evidenceEvents)
    .where(
      and(
        eq(evidenceEvents.organisationId, key.organisationId),
        eq(evidenceEvents.evidenceId, key.id),
        eq(evidenceEvents.status, "in_review"),
      ),
    )
    .orderBy(sql`${evidenceEvents.id} desc`)
    .limit(1)
    .get();
  if (sender !== undefined) authors.add(sender.by);
  return authors;
}

/** Refuses (403, on the decision field) an approval by one of the item's own authors. */
export function assertNotOwnApproval(
  db: Queryable,
  options: { key: EvidenceKey; approverId: string },
): void {
  if (!evidenceAuthors(db, options.key).has(options.approverId)) return;
  throw new AppError(
    "forbidden",
    "You cannot approve evidence you added, uploaded or sent for review: someone else must approve it",
    { field: "to" },
  );
}

/**
 * The ids of the organisation's evidence whose latest approval was by one of its authors (as
 * `evidenceAuthors` defines them at the time of that approval). Read in three ordered passes over
 * the organisation's items, newest files and history, rather than item by item.
 */
export function approvedByAuthor(db: Queryable, organisationId: string): Set<string> {
  const creators = new Map(
    db
      .select({ id: evidenceItems.id, by: evidenceItems.createdBy })
      .from(evidenceItems)
      .where(eq(evidenceItems.organisationId, organisationId))
      .all()
      .map((row) => [row.id, row.by]),
  );
  const uploaders = new Map<string, string>();
  for (const row of db
    .select({ id: evidenceRevisions.evidenceId, by: evidenceRevisions.uploadedBy })
    .from(evidenceRevisions)
    .where(eq(evidenceRevisions.organisationId, organisationId))
    .orderBy(asc(evidenceRevisions.revision))
    .all()) {
    uploaders.set(row.id, row.by);
  }
  const senders = new Map<string, string>();
  const result = new Set<string>();
  for (const event of db
    .select({
      id: evidenceEvents.evidenceId,
      status: evidenceEvents.status,
      by: evidenceEvents.byUserId,
    })
    .from(evidenceEvents)
    .where(
      and(
        eq(evidenceEvents.organisationId, organisationId),
        inArray(evidenceEvents.status, ["in_review", "approved"]),
      ),
    )
    .orderBy(asc(evidenceEvents.id))
    .all()) {
    if (event.status === "in_review") {
      senders.set(event.id, event.by);
      continue;
    }
    const authors = [creators.get(event.id), uploaders.get(event.id), senders.get(event.id)];
    if (authors.includes(event.by)) result.add(event.id);
    else result.delete(event.id);
  }
  return result;
}
