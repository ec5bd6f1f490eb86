import { sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
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
}

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
    })
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
  });
}
