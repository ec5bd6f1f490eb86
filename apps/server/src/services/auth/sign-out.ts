import { deleteSession } from "../../auth/session-store";
import type { Db } from "../../db/client";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";

/** Ends the signed-in user's session, and records that they signed out. */
export function signOut(scope: Scope, sessionId: string): { signedOut: true } {
  scope.db.transaction((tx) => {
    deleteSession(tx, sessionId);
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "sign_out",
      entity: "session",
    });
  });
  return { signedOut: true };
}

/**
 * Ends the session a browser had before it signed in again: each sign-in gets a new session, so a
 * token planted before sign-in never becomes privileged.
 */
export function endEarlierSession(db: Db, session: { id: string } | null): void {
  if (session != null) deleteSession(db, session.id);
}
