import { and, eq, gt, isNull } from "drizzle-orm";

import { ACCOUNT_LINK_LIFETIME_HOURS } from "@dapkit/contract";

import { hashToken } from "../../auth/session-store";
import { DEFAULT_PUBLIC_URL } from "../../context";
import type { Queryable } from "../../db/client";
import { accountLinks, organisations, users } from "../../db/schema";
import { AppError } from "../../errors";
import { newSecret } from "../tokens/token-secret";

/** What a link is for (see ACCOUNT_LINK_PURPOSES). */
export type AccountLinkPurpose = (typeof accountLinks.$inferSelect)["purpose"];

/** The web page a link opens; the token rides in the fragment, which browsers never send on. */
export const SET_PASSWORD_PATH = "/set-password";

/** How long the link made at a sign-in that must change its password lasts. */
export const PASSWORD_CHANGE_MINUTES = 15;

const HOUR_MS = 60 * 60 * 1000;

/** One message for every link that cannot be used, so none says whether it ever existed. */
export const LINK_UNUSABLE =
  "This link has expired or has already been used. Ask your administrator for a new one.";

/**
 * The address of a set-password link: the token goes in the fragment (`#token=…`), so it is never
 * sent to a server in a request line, a log or a Referer header.
 */
export function linkUrl(publicUrl: string | undefined, token: string): string {
  const url = new URL(SET_PASSWORD_PATH, publicUrl ?? DEFAULT_PUBLIC_URL);
  url.hash = `token=${token}`;
  return url.toString();
}

/**
 * Issues a single-use link for a user, ending any earlier unused link of theirs (only the newest
 * works), in the caller's transaction. Returns the secret token, which is stored only as a hash.
 */
export function issueAccountLink(
  db: Queryable,
  options: {
    user: { id: string; organisationId: string };
    purpose: AccountLinkPurpose;
    now: Date;
    lifetimeMs?: number;
  },
): { token: string; expiresAt: string } {
  const { user, purpose, now } = options;
  const token = newSecret();
  const expiresAt = new Date(
    now.getTime() + (options.lifetimeMs ?? ACCOUNT_LINK_LIFETIME_HOURS * HOUR_MS),
  ).toISOString();
  db.update(accountLinks)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(accountLinks.userId, user.id), isNull(accountLinks.usedAt)))
    .run();
  db.insert(accountLinks)
    .values({
      tokenHash: hashToken(token),
      organisationId: user.organisationId,
      userId: user.id,
      purpose,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .run();
  return { token, expiresAt };
}

/**
 * The usable link a token belongs to, with its user and organisation; refuses (all alike) one
 * that is unknown, used, expired, or whose user is deactivated.
 */
export function usableLink(db: Queryable, token: string, now: Date) {
  const row = db
    .select({
      purpose: accountLinks.purpose,
      expiresAt: accountLinks.expiresAt,
      user: {
        id: users.id,
        organisationId: users.organisationId,
        email: users.email,
        name: users.name,
        role: users.role,
        staffId: users.staffId,
      },
      organisationName: organisations.name,
      passwordSignInAllowed: organisations.passwordSignInAllowed,
    })
    .from(accountLinks)
    .innerJoin(
      users,
      and(eq(users.id, accountLinks.userId), eq(users.organisationId, accountLinks.organisationId)),
    )
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(accountLinks.tokenHash, hashToken(token)),
        isNull(accountLinks.usedAt),
        gt(accountLinks.expiresAt, now.toISOString()),
        eq(users.active, true),
      ),
    )
    .get();
  if (row === undefined) throw new AppError("bad_request", LINK_UNUSABLE, { field: "token" });
  return row;
}
