import { eq } from "drizzle-orm";

import { createSession } from "../../auth/session-store";
import type { SessionUser } from "../../auth/session-user";
import { getDecoyHash, verifyPassword } from "../../auth/passwords";
import type { AppDeps } from "../../context";
import { users } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";

// One message for every failure, so the response never says whether the address has an account.
const REFUSED = "Enter a correct email address and password";

/** Checks a user's email and password and, when they match, starts a session. */
export async function signIn(
  deps: AppDeps,
  credentials: { email: string; password: string },
  clientAddress: string,
): Promise<{ user: SessionUser; token: string; expiresAt: Date }> {
  const now = deps.now();
  const emailKey = credentials.email.toLowerCase();
  const lockedUntil =
    deps.limiters.email.lockedUntil(emailKey, now) ??
    deps.limiters.address.lockedUntil(clientAddress, now);
  if (lockedUntil !== undefined) {
    const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError(
      "too_many_requests",
      `Too many failed attempts to sign in. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }

  const row = deps.db.select().from(users).where(eq(users.email, emailKey)).get();
  const matches = await verifyPassword(
    credentials.password,
    row?.passwordHash ?? (await getDecoyHash()),
  );
  if (row == null || !matches || !row.active) {
    deps.limiters.email.fail(emailKey, now);
    deps.limiters.address.fail(clientAddress, now);
    recordAudit(deps.db, {
      actor: { userId: row?.id ?? null, organisationId: row?.organisationId ?? null },
      at: now,
      action: "sign_in_failed",
      entity: "session",
      after: { email: emailKey },
    });
    throw new AppError("unauthorised", REFUSED);
  }

  deps.limiters.email.succeed(emailKey);
  const user: SessionUser = {
    id: row.id,
    organisationId: row.organisationId,
    email: row.email,
    name: row.name,
    role: row.role,
    staffId: row.staffId,
  };
  const { token, expiresAt } = deps.db.transaction((tx) => {
    const session = createSession(tx, user, now);
    recordAudit(tx, { actor: actorOf(user), at: now, action: "sign_in", entity: "session" });
    return session;
  });
  return { user, token, expiresAt };
}
