import { and, count, desc, eq } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { auditLog, users } from "../../db/schema";
import { pageOf, pageWindow } from "../pagination";
import type { Scope } from "../scope";

/** Which page of the audit log to show, optionally only one kind of record or one user's actions. */
export interface AuditQuery extends PageRequest {
  entity?: string | undefined;
  userId?: string | undefined;
}

// Field names whose values must never leave the server, wherever a service put them in an entry.
const SENSITIVE_KEY = /password|hash|token|secret|cookie/i;

/**
 * A copy of an entry's `before` / `after` with sensitive-looking fields blanked. Services are meant
 * never to record secrets; this keeps a slip in one of them from reaching the screen or an export.
 */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== "object" || value == null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SENSITIVE_KEY.test(key) ? "[redacted]" : redact(field),
    ]),
  );
}

/** One page of the organisation's audit log, newest first, with the name of who acted. */
export function listAudit(scope: Scope, query: AuditQuery) {
  const { db, user } = scope;
  const { limit, offset } = pageWindow(query);
  const where = and(
    eq(auditLog.organisationId, user.organisationId),
    query.entity == null ? undefined : eq(auditLog.entity, query.entity),
    query.userId == null ? undefined : eq(auditLog.userId, query.userId),
  );
  const total = db.select({ total: count() }).from(auditLog).where(where).get()?.total ?? 0;
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      userId: auditLog.userId,
      userName: users.name,
      before: auditLog.before,
      after: auditLog.after,
      source: auditLog.source,
    })
    .from(auditLog)
    // The organisation is part of the join so a user id can never pull a name across tenants.
    .leftJoin(
      users,
      and(eq(users.id, auditLog.userId), eq(users.organisationId, auditLog.organisationId)),
    )
    .where(where)
    // The log is append-only, so insertion order is time order, and the id index serves it.
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  return pageOf(query, {
    items: rows.map((row) => ({ ...row, before: redact(row.before), after: redact(row.after) })),
    total,
  });
}
