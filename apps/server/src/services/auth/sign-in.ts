import { eq } from "drizzle-orm";

import { passwordHashing } from "../../auth/hashing-gate";
import type { SessionUser } from "../../auth/session-user";
import { getDecoyHash, verifyPassword } from "../../auth/passwords";
import type { Reservation, SignInLimiter } from "../../auth/sign-in-limiter";
import type { AppDeps } from "../../context";
import { organisations, users } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { issueAccountLink, PASSWORD_CHANGE_MINUTES } from "./account-links";
import { startSession } from "./start-session";

/** The refusal when an organisation signs in only with single sign-on. */
export const PASSWORD_SIGN_IN_OFF =
  "Your organisation signs in with its own account system, not a dapkit password. Choose " +
  "'Sign in with your organisation's account'.";

// One message for every failure, so the response never says whether the address has an account.
const REFUSED = "Enter a correct email address and password";

// A failed sign-in is recorded with no organisation, where no one can see or delete it: only this
// much of what was typed is kept (the schema already refuses longer addresses; this keeps the
// bound even if a caller skips it).
const MAX_RECORDED_EMAIL = 254;

function tooMany(retryAt: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return new AppError(
    "too_many_requests",
    `Too many failed attempts to sign in. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/**
 * Claims an attempt from both limiters before any password is checked, so parallel guesses count
 * at once; if the second refuses, the first claim is handed back.
 */
function reserveAttempt(
  limiters: { email: SignInLimiter; address: SignInLimiter },
  keys: { email: string; address: string },
  now: Date,
): { email: Reservation; address: Reservation } {
  const email = limiters.email.reserve(keys.email, now);
  if ("retryAt" in email) throw tooMany(email.retryAt, now);
  const address = limiters.address.reserve(keys.address, now);
  if ("retryAt" in address) {
    limiters.email.release(email.reservation);
    throw tooMany(address.retryAt, now);
  }
  return { email: email.reservation, address: address.reservation };
}

/** The answer to a password sign-in: a session, or a token to choose a new password with first. */
export type SignInResult =
  | { user: SessionUser; token: string; expiresAt: Date; passwordChangeToken: null }
  | { user: SessionUser; token: null; expiresAt: null; passwordChangeToken: string };

/**
 * Checks a user's email and password and, when they match, starts a session, or, when an
 * administrator has reset the password, returns a short-lived token to choose a new one with
 * (`auth.setPassword`) instead. An organisation that has turned password sign-in off is refused,
 * but only once the password is right, so the refusal says nothing to someone guessing.
 */
export async function signIn(
  deps: AppDeps,
  credentials: { email: string; password: string },
  clientAddress: string,
): Promise<SignInResult> {
  const now = deps.now();
  const emailKey = credentials.email.toLowerCase();
  const { limiters } = deps;
  const reserved = reserveAttempt(limiters, { email: emailKey, address: clientAddress }, now);

  let row: typeof users.$inferSelect | undefined;
  let matches: boolean;
  try {
    row = deps.db.select().from(users).where(eq(users.email, emailKey)).get();
    const stored = row?.passwordHash;
    matches = await passwordHashing.run(clientAddress, async () =>
      verifyPassword(credentials.password, stored ?? (await getDecoyHash())),
    );
  } catch (error) {
    // Not an answer about the password (the server was busy): the attempt does not count.
    limiters.email.release(reserved.email);
    limiters.address.release(reserved.address);
    throw error;
  }

  if (row == null || !matches || !row.active) {
    limiters.email.fail(reserved.email, now);
    limiters.address.fail(reserved.address, now);
    recordAudit(deps.db, {
      actor: { userId: row?.id ?? null, organisationId: row?.organisationId ?? null },
      at: now,
      action: "sign_in_failed",
      entity: "session",
      after: { email: emailKey.slice(0, MAX_RECORDED_EMAIL) },
      source: clientAddress,
    });
    throw new AppError("unauthorised", REFUSED);
  }

  limiters.email.succeed(emailKey);
  limiters.address.release(reserved.address);
  const user: SessionUser = {
    id: row.id,
    organisationId: row.organisationId,
    email: row.email,
    name: row.name,
    role: row.role,
    staffId: row.staffId,
    agencyId: row.agencyId,
  };
  const organisation = deps.db
    .select({ passwordSignInAllowed: organisations.passwordSignInAllowed })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId))
    .get();
  if (organisation?.passwordSignInAllowed !== true) {
    recordAudit(deps.db, {
      actor: actorOf(user),
      at: now,
      action: "sign_in_refused",
      entity: "session",
      after: { reason: "password_sign_in_off" },
      source: clientAddress,
    });
    throw new AppError("forbidden", PASSWORD_SIGN_IN_OFF);
  }
  if (row.mustChangePassword) {
    const { token } = deps.db.transaction((tx) =>
      issueAccountLink(tx, {
        user,
        purpose: "reset",
        now,
        lifetimeMs: PASSWORD_CHANGE_MINUTES * 60_000,
      }),
    );
    return { user, token: null, expiresAt: null, passwordChangeToken: token };
  }
  const session = startSession(deps.db, user, { now, source: clientAddress, method: "password" });
  return { user, ...session, passwordChangeToken: null };
}
