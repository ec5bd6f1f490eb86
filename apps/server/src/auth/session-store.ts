import { createHash, randomBytes } from "node:crypto";

import { and, eq, gt, sql } from "drizzle-orm";

import type { Queryable } from "../db/client";
import { preparedStatement } from "../db/prepared";
import { sessions, users } from "../db/schema";
import type { SessionUser } from "./session-user";

/** How long a session lasts from sign-in: a working day with room to spare. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** The sha256 of a secret token, as stored in place of the token itself. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session for a user and returns the secret token for the cookie. */
export function createSession(
  db: Queryable,
  user: SessionUser,
  now: Date,
): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  db.insert(sessions)
    .values({
      id: hashToken(token),
      userId: user.id,
      organisationId: user.organisationId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  return { token, expiresAt };
}

// Every signed-in request looks its session up: compiled once rather than built for each request,
// which cost more than the lookup itself.
const sessionByHash = preparedStatement((db) =>
  db
    .select({
      sessionId: sessions.id,
      id: users.id,
      organisationId: users.organisationId,
      email: users.email,
      name: users.name,
      role: users.role,
      staffId: users.staffId,
      agencyId: users.agencyId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("hash")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        eq(users.active, true),
      ),
    )
    .prepare(),
);

/** The session a cookie token belongs to, if it exists, has not expired and its user is active. */
export function findSession(
  db: Queryable,
  token: string,
  now: Date,
): { id: string; user: SessionUser } | undefined {
  const row = sessionByHash(db).get({ hash: hashToken(token), now: now.toISOString() });
  if (row === undefined) return undefined;
  const { sessionId, ...user } = row;
  return { id: sessionId, user };
}

/** Ends one session (sign-out). */
export function deleteSession(db: Queryable, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a user, e.g. when their password or role changes. */
export function deleteUserSessions(db: Queryable, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
