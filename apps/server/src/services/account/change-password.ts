import { and, eq, ne } from "drizzle-orm";

import { passwordHashing } from "../../auth/hashing-gate";
import { assertStrongPassword, hashPassword, verifyPassword } from "../../auth/passwords";
import { sessions, users } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

const WRONG_CURRENT = "Your current password is not right";

/**
 * Changes the signed-in person's own password once their current one is confirmed, and ends
 * their other sessions (this one stays signed in). Within their share of password hashing, so
 * guessing the current password costs as much as signing in.
 */
export async function changePassword(
  scope: Scope,
  input: { currentPassword: string; newPassword: string },
  sessionId: string,
): Promise<{ changed: true }> {
  const { db, user, now } = scope;
  const stored = db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)))
    .get()?.passwordHash;
  if (stored == null) {
    throw new AppError(
      "bad_request",
      "Your account has no password: you sign in with your organisation's account",
      { field: "currentPassword" },
    );
  }
  const matches = await passwordHashing.run(`user:${user.id}`, () =>
    verifyPassword(input.currentPassword, stored),
  );
  if (!matches) {
    recordAudit(db, {
      actor: actorOf(user),
      at: now,
      action: "change_password_failed",
      entity: "user",
      entityId: user.id,
    });
    throw new AppError("bad_request", WRONG_CURRENT, { field: "currentPassword" });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError("bad_request", "Choose a password different from your current one", {
      field: "newPassword",
    });
  }
  assertStrongPassword(input.newPassword, "newPassword");
  const passwordHash = await passwordHashing.run(`user:${user.id}`, () =>
    hashPassword(input.newPassword),
  );
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.organisationId, user.organisationId), eq(users.id, user.id)))
      .run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "change_password",
      entity: "user",
      entityId: user.id,
    });
  });
  return { changed: true };
}
