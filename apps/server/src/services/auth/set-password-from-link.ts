import { and, eq, isNull } from "drizzle-orm";

import { passwordHashing } from "../../auth/hashing-gate";
import { assertStrongPassword, hashPassword } from "../../auth/passwords";
import { deleteUserSessions, hashToken } from "../../auth/session-store";
import type { SessionUser } from "../../auth/session-user";
import type { AppDeps } from "../../context";
import { accountLinks, users } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { LINK_UNUSABLE, usableLink } from "./account-links";
import { PASSWORD_SIGN_IN_OFF } from "./sign-in";
import { startSession } from "./start-session";

/**
 * Sets a password from a single-use link (an invitation, a reset, the first admin's set-up, or
 * the token a sign-in gave for a forced change), uses the link up, ends the person's other
 * sessions and signs them in.
 */
export async function setPasswordFromLink(
  deps: AppDeps,
  input: { token: string; password: string },
  clientAddress: string,
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const link = usableLink(deps.db, input.token, deps.now());
  if (!link.passwordSignInAllowed) throw new AppError("forbidden", PASSWORD_SIGN_IN_OFF);
  assertStrongPassword(input.password);
  const passwordHash = await passwordHashing.run(clientAddress, () => hashPassword(input.password));
  const now = deps.now();
  return deps.db.transaction((tx) => {
    // Used up only if still unused and unexpired now: of two uses racing, one wins.
    const used = tx
      .update(accountLinks)
      .set({ usedAt: now.toISOString() })
      .where(and(eq(accountLinks.tokenHash, hashToken(input.token)), isNull(accountLinks.usedAt)))
      .run();
    if (used.changes !== 1 || link.expiresAt <= now.toISOString()) {
      throw new AppError("bad_request", LINK_UNUSABLE, { field: "token" });
    }
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(and(eq(users.id, link.user.id), eq(users.active, true)))
      .run();
    deleteUserSessions(tx, link.user.id);
    recordAudit(tx, {
      actor: actorOf(link.user),
      at: now,
      action: "set_password",
      entity: "user",
      entityId: link.user.id,
      after: { purpose: link.purpose },
      source: clientAddress,
    });
    const session = startSession(tx, link.user, { now, source: clientAddress, method: "link" });
    return { user: link.user, ...session };
  });
}
