import type { Queryable } from "../../db/client";
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

/** Appends a row to the audit log, in the caller's transaction. */
export function recordAudit(db: Queryable, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      organisationId: entry.actor.organisationId,
      userId: entry.actor.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: entry.at.toISOString(),
    })
    .run();
}
