import { and, eq, gt, isNull } from "drizzle-orm";

import { hashToken } from "../../auth/session-store";
import type { SessionUser } from "../../auth/session-user";
import type { Db } from "../../db/client";
import { apiTokens, users } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";

/**
 * A token's use is audited at most once a minute: a script making thousands of calls would
 * otherwise write thousands of rows to the append-only log. The log still shows, minute by
 * minute, when and from where each token was in use.
 */
export const TOKEN_USE_AUDIT_INTERVAL_MS = 60_000;

/**
 * The user a bearer token acts as, if it exists, is neither revoked nor expired and its user is
 * active; their role and organisation are read now, so a changed role applies to the next call.
 * Records the token's last use (and, at most once a minute, audits it).
 */
export function authenticateToken(
  db: Db,
  token: string,
  request: { now: Date; source: string },
): { id: string; user: SessionUser } | undefined {
  const { now, source } = request;
  const row = db
    .select({
      tokenId: apiTokens.id,
      useAuditedAt: apiTokens.useAuditedAt,
      id: users.id,
      organisationId: users.organisationId,
      email: users.email,
      name: users.name,
      role: users.role,
      staffId: users.staffId,
    })
    .from(apiTokens)
    // The organisation is part of the join: a token acts only within its owner's organisation.
    .innerJoin(
      users,
      and(eq(users.id, apiTokens.userId), eq(users.organisationId, apiTokens.organisationId)),
    )
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now.toISOString()),
        eq(users.active, true),
      ),
    )
    .get();
  if (row === undefined) return undefined;
  const { tokenId, useAuditedAt, ...user } = row;
  const audit =
    useAuditedAt == null || now.getTime() - Date.parse(useAuditedAt) >= TOKEN_USE_AUDIT_INTERVAL_MS;
  db.transaction((tx) => {
    tx.update(apiTokens)
      .set({
        lastUsedAt: now.toISOString(),
        ...(audit ? { useAuditedAt: now.toISOString() } : {}),
      })
      .where(eq(apiTokens.id, tokenId))
      .run();
    if (audit) {
      recordAudit(tx, {
        actor: actorOf(user),
        at: now,
        action: "use",
        entity: "api_token",
        entityId: tokenId,
        source,
      });
    }
  });
  return { id: tokenId, user };
}
