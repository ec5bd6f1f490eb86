import { and, desc, eq, isNull } from "drizzle-orm";

import { hashToken } from "../../auth/session-store";
import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { apiTokens } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { tokenColumns } from "./token-columns";
import { newSecret, TOKEN_PREFIX } from "./token-secret";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The most live tokens one person may hold: plenty for scripts, and a bound on the table. */
export const MAX_ACTIVE_TOKENS = 20;

function getToken(db: Queryable, scope: Scope, id: string) {
  return found(
    db
      .select(tokenColumns(scope.now))
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.organisationId, scope.user.organisationId),
          eq(apiTokens.userId, scope.user.id),
          eq(apiTokens.id, id),
        ),
      )
      .get(),
    "API token",
  );
}

/** The signed-in person's own API tokens, newest first. */
export function listTokens(scope: Scope) {
  return scope.db
    .select(tokenColumns(scope.now))
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.organisationId, scope.user.organisationId),
        eq(apiTokens.userId, scope.user.id),
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** Makes a token acting as the signed-in person; the secret is returned this once. */
export function createToken(scope: Scope, input: { name: string; expiresInDays: number }) {
  const { db, user, now } = scope;
  const live = listTokens(scope).filter((token) => token.status === "active");
  if (live.length >= MAX_ACTIVE_TOKENS) {
    throw new AppError(
      "bad_request",
      `You have ${MAX_ACTIVE_TOKENS} API tokens in use already. Revoke one you no longer need first.`,
      { field: "name" },
    );
  }
  const token = newSecret(TOKEN_PREFIX);
  const id = newId();
  return db.transaction((tx) => {
    tx.insert(apiTokens)
      .values({
        id,
        organisationId: user.organisationId,
        userId: user.id,
        name: input.name,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString(),
      })
      .run();
    const details = getToken(tx, scope, id);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "api_token",
      entityId: id,
      after: { name: details.name, expiresAt: details.expiresAt },
    });
    return { token, details };
  });
}

/** Revokes one of the signed-in person's tokens; revoking one already revoked changes nothing. */
export function revokeToken(scope: Scope, input: { id: string }) {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const before = getToken(tx, scope, input.id);
    if (before.revokedAt != null) return before;
    tx.update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(apiTokens.organisationId, user.organisationId),
          eq(apiTokens.id, input.id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "revoke",
      entity: "api_token",
      entityId: input.id,
      after: { name: before.name },
    });
    return getToken(tx, scope, input.id);
  });
}

/** Revokes every live token of a user (when they are deactivated). */
export function revokeUserTokens(db: Queryable, userId: string, now: Date): void {
  db.update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
}
