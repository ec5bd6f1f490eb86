import { deleteUserSessions } from "../../auth/session-store";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { sessions } from "../../db/schema";
import { count, eq } from "drizzle-orm";

/**
 * Ends every session of the signed-in person, on every device, this one included. API tokens
 * are not sessions: they are revoked one by one on "My account".
 */
export function signOutEverywhere(scope: Scope): { signedOut: true; sessionsEnded: number } {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const sessionsEnded =
      tx.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id)).get()?.n ?? 0;
    deleteUserSessions(tx, user.id);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "sign_out_everywhere",
      entity: "session",
      after: { sessionsEnded },
    });
    return { signedOut: true as const, sessionsEnded };
  });
}
