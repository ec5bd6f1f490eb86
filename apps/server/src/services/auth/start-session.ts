import { eq } from "drizzle-orm";

import { createSession } from "../../auth/session-store";
import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import { users } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";

/** How someone signed in, as "My account" lists their recent sign-ins. */
export type SignInMethod = "password" | "single_sign_on" | "link";

/**
 * Starts a session for someone who has proved who they are (by password, single sign-on or a
 * set-password link): records their last sign-in and audits it with where it came from. Every
 * way of signing in ends here, so a session is the same whichever way it began.
 */
export function startSession(
  db: Queryable,
  user: SessionUser,
  options: { now: Date; source: string; method: SignInMethod },
): { token: string; expiresAt: Date } {
  const { now, source, method } = options;
  return db.transaction((tx) => {
    const session = createSession(tx, user, now);
    tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "sign_in",
      entity: "session",
      after: { method },
      source,
    });
    return session;
  });
}
