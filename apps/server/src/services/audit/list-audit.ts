import { and, count, eq, gte, lt, type SQL } from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";
import { londonInstant } from "@dapkit/schemas";

import type { Queryable } from "../../db/client";
import { auditLog, users } from "../../db/schema";
import { cachedCount } from "../../db/cached-count";
import { AppError } from "../../errors";
import { keysetPage, selectWindow, type Keyset } from "../pagination";
import type { Scope } from "../scope";

/** Which entries of the audit log: one person's, one action, one kind of record, a range of days. */
export interface AuditFilter {
  userId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  /** The first London day, `YYYY-MM-DD`. */
  from?: string | undefined;
  /** The last London day, `YYYY-MM-DD`, included. */
  to?: string | undefined;
}

/** Which page of the audit log to show, filtered. */
export interface AuditQuery extends PageRequest, AuditFilter {}

const DAY_MS = 24 * 60 * 60 * 1000;

// The instant a London day starts, in the log's own form (toISOString, with milliseconds), so
// the text comparison with `at` is exact.
function londonDayStart(date: string): string {
  return new Date(londonInstant(date, "00:00")).toISOString();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The condition for an organisation's entries that match a filter. */
export function auditWhere(organisationId: string, filter: AuditFilter): SQL | undefined {
  return and(
    eq(auditLog.organisationId, organisationId),
    filter.entity == null ? undefined : eq(auditLog.entity, filter.entity),
    filter.action == null ? undefined : eq(auditLog.action, filter.action),
    filter.userId == null ? undefined : eq(auditLog.userId, filter.userId),
    filter.from == null ? undefined : gte(auditLog.at, londonDayStart(filter.from)),
    filter.to == null ? undefined : lt(auditLog.at, londonDayStart(nextDay(filter.to))),
  );
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
      // A yes/no cannot hold a secret, so a setting such as `passwordSignInAllowed` stays readable.
      SENSITIVE_KEY.test(key) && typeof field !== "boolean" ? "[redacted]" : redact(field),
    ]),
  );
}

// Users are deactivated, never deleted, so a person to filter by is always one of the
// organisation's; anyone else's id is refused rather than answered with an empty page.
function assertUserInOrganisation(scope: Scope, userId: string): void {
  const row = scope.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, scope.user.organisationId), eq(users.id, userId)))
    .get();
  if (row === undefined) {
    throw new AppError("bad_request", "Choose a person from your organisation", {
      field: "userId",
    });
  }
}

function selectAuditEntries(db: Queryable) {
  return (
    db
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
  );
}

// The log is append-only, so insertion order is time order, and the id index serves it.
const AUDIT_ORDER: Keyset<{ id: number }> = {
  columns: [{ column: auditLog.id, descending: true }],
  keyOf: (row) => [row.id],
};

/** One page of the organisation's audit log, newest first, with the name of who acted. */
export function listAudit(scope: Scope, query: AuditQuery) {
  const { db, user } = scope;
  if (query.userId != null) assertUserInOrganisation(scope, query.userId);
  const where = auditWhere(user.organisationId, query);
  const total = cachedCount(db, db.select({ total: count() }).from(auditLog).where(where));
  const page = keysetPage(query, AUDIT_ORDER, {
    total,
    fetch: selectWindow(selectAuditEntries(db), where),
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      before: redact(row.before),
      after: redact(row.after),
    })),
  };
}

/** The actions and kinds of record in the organisation's log, alphabetically, for the filters. */
export function auditFacets(scope: Scope): { actions: string[]; entities: string[] } {
  const { db, user } = scope;
  const mine = eq(auditLog.organisationId, user.organisationId);
  const distinct = (column: typeof auditLog.action | typeof auditLog.entity) =>
    db
      .selectDistinct({ value: column })
      .from(auditLog)
      .where(mine)
      .orderBy(column)
      .all()
      .map((row) => row.value);
  return { actions: distinct(auditLog.action), entities: distinct(auditLog.entity) };
}
