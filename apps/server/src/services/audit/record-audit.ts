import { sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { jsonBatches, jsonRows, rowField, sharedField } from "../../db/json-rows";
import { preparedStatement } from "../../db/prepared";
import { auditLog } from "../../db/schema";

/** Who did something: a signed-in user, or nobody (e.g. a failed sign-in). */
export interface AuditActor {
  userId: string | null;
  organisationId: string | null;
}

/** One audited change; `before` and `after` hold the record's fields, never secrets or file contents. */
export interface AuditEntry {
  actor: AuditActor;
  at: Date;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The client address the request came from, where it matters (sign-ins, reads). */
  source?: string | null;
}

/** What differs between entries recorded together: which record, and its fields. */
export type AuditedChange = Pick<AuditEntry, "entityId" | "before" | "after">;

// `before` and `after` are passed as JSON text (or null) through raw placeholders: the JSON
// column's own encoder would store a missing value as the text "null".
const insertAudit = preparedStatement((db) =>
  db
    .insert(auditLog)
    .values({
      organisationId: sql.placeholder("organisationId"),
      userId: sql.placeholder("userId"),
      action: sql.placeholder("action"),
      entity: sql.placeholder("entity"),
      entityId: sql.placeholder("entityId"),
      before: sql`${sql.placeholder("before")}`,
      after: sql`${sql.placeholder("after")}`,
      at: sql.placeholder("at"),
      source: sql.placeholder("source"),
    })
    .prepare(),
);

// The same for many entries at once (an import's thousands in one statement, see jsonRows); a
// single entry is cheaper through insertAudit.
const insertAudits = preparedStatement((db) =>
  db
    .insert(auditLog)
    .select((qb) =>
      qb
        .select({
          id: sql`null`.as("id"),
          organisationId: sharedField("organisationId"),
          userId: sharedField("userId"),
          action: sharedField("action"),
          entity: sharedField("entity"),
          entityId: rowField("entityId"),
          before: rowField("before"),
          after: rowField("after"),
          at: sharedField("at"),
          source: sharedField("source"),
        })
        .from(jsonRows("changes")),
    )
    .prepare(),
);

function json(value: unknown): string | null {
  return value == null ? null : JSON.stringify(value);
}

/** Appends a row to the audit log, in the caller's transaction. */
export function recordAudit(db: Queryable, entry: AuditEntry): void {
  insertAudit(db).run({
    organisationId: entry.actor.organisationId,
    userId: entry.actor.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    at: entry.at.toISOString(),
    source: entry.source ?? null,
  });
}

/**
 * Appends a row to the audit log for each change, in order, all by the same actor at the same
 * time with the same action on the same kind of record, in the caller's transaction.
 */
export function recordAudits(
  db: Queryable,
  entry: Omit<AuditEntry, keyof AuditedChange>,
  changes: readonly AuditedChange[],
): void {
  for (const batch of jsonBatches(changes)) {
    insertAudits(db).run({
      organisationId: entry.actor.organisationId,
      userId: entry.actor.userId,
      action: entry.action,
      entity: entry.entity,
      at: entry.at.toISOString(),
      source: entry.source ?? null,
      changes: JSON.stringify(
        batch.map((change) => ({
          entityId: change.entityId ?? null,
          before: json(change.before),
          after: json(change.after),
        })),
      ),
    });
  }
}
