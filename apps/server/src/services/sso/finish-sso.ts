import { and, eq } from "drizzle-orm";
import * as client from "openid-client";

import { createSession } from "../../auth/session-store";
import type { SessionUser } from "../../auth/session-user";
import type { Queryable } from "../../db/client";
import type { Db } from "../../db/client";
import { newId } from "../../db/ids";
import { users } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { chooseRole } from "./choose-role";
import type { PendingSignIn } from "./pending-sign-ins";
import { providerConfiguration } from "./provider-configuration";
import { emailDomain, ssoOrganisation, type SsoOrganisation } from "./sso-organisation";
import { SsoRefusal } from "./sso-refusal";
import { staffIdByEmail } from "../self-service/staff-by-email";

// The users table takes any length; a provider's display name is cut to what a page can show.
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

/** What the provider's ID token says about the person, once openid-client has verified it. */
interface VerifiedClaims {
  /** The provider's stable id for the person. */
  subject: string;
  email: string;
  claims: Record<string, unknown>;
}

/**
 * Exchanges the code (openid-client checks the issuer, state, PKCE verifier, nonce, and the ID
 * token's signature, audience and lifetime) and reads the person's address from the ID token.
 */
async function verifiedClaims(
  sso: SsoOrganisation,
  pending: PendingSignIn,
  callbackQuery: URLSearchParams,
): Promise<VerifiedClaims> {
  const config = await providerConfiguration(sso);
  const currentUrl = new URL(pending.redirectUri);
  currentUrl.search = callbackQuery.toString();
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw new SsoRefusal("failed", `code exchange refused: ${describe(error)}`, sso.id);
  }
  const email = claims?.email;
  if (claims === undefined || typeof email !== "string" || email.length > MAX_EMAIL_LENGTH) {
    throw new SsoRefusal("not-allowed", "the ID token has no usable email claim", sso.id);
  }
  // Entra ID leaves email_verified out; a provider that says the address is unverified is believed.
  if (claims.email_verified === false) {
    throw new SsoRefusal("not-allowed", "the provider says the email is not verified", sso.id);
  }
  return { subject: claims.sub, email: email.toLowerCase(), claims };
}

// openid-client's errors say what failed in a code (such as OAUTH_INVALID_RESPONSE) and their
// cause (such as an unexpected "iss"); a provider's refusal has its own code (invalid_grant).
function describe(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = "code" in error && typeof error.code === "string" ? ` ${error.code}` : "";
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  const answer = error instanceof client.ResponseBodyError ? ` [${error.error}]` : "";
  return `${error.name}${code}: ${error.message}${cause}${answer}`;
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim() : "";
  return (name === "" ? email.slice(0, email.lastIndexOf("@")) : name).slice(0, MAX_NAME_LENGTH);
}

/** One verified sign-in at an organisation's provider. */
interface SignIn {
  sso: SsoOrganisation;
  verified: VerifiedClaims;
  now: Date;
}

/**
 * The person's existing account: the one already linked to their provider subject, else the one
 * with their address, which is linked now. An address linked to a different subject is refused:
 * the provider has given the address to someone else (a leaver's address reused).
 */
function existingAccount(tx: Queryable, { sso, verified }: SignIn): SessionUser | undefined {
  const linked = tx
    .select()
    .from(users)
    .where(and(eq(users.organisationId, sso.id), eq(users.ssoSubject, verified.subject)))
    .get();
  const row = linked ?? tx.select().from(users).where(eq(users.email, verified.email)).get();
  if (row === undefined) return undefined;
  // Addresses are unique across organisations: one in another organisation is not this one's.
  if (row.organisationId !== sso.id) {
    throw new SsoRefusal("not-allowed", "the address belongs to another organisation", sso.id);
  }
  if (row.ssoSubject != null && row.ssoSubject !== verified.subject) {
    throw new SsoRefusal("not-allowed", "the address is linked to another subject", sso.id);
  }
  if (!row.active) throw new SsoRefusal("not-allowed", "the user is deactivated", sso.id);
  if (row.ssoSubject == null) {
    tx.update(users).set({ ssoSubject: verified.subject }).where(eq(users.id, row.id)).run();
  }
  const { id, organisationId, email, name, role, staffId, agencyId } = row;
  return { id, organisationId, email, name, role, staffId, agencyId };
}

/** The person's account in the organisation, made now if the organisation allows it. */
function accountFor(tx: Queryable, signIn: SignIn): SessionUser {
  const existing = existingAccount(tx, signIn);
  if (existing !== undefined) return existing;
  const { sso, verified, now } = signIn;
  if (!sso.createUnknownUsers) {
    throw new SsoRefusal("not-allowed", "unknown user and creation is off", sso.id);
  }
  const role = chooseRole(verified.claims, sso);
  if (role == null) throw new SsoRefusal("not-allowed", "no role maps and no default", sso.id);
  const user: SessionUser = {
    id: newId(),
    organisationId: sso.id,
    email: verified.email,
    name: displayName(verified.claims, verified.email),
    role,
    staffId: staffIdByEmail(tx, sso.id, verified.email),
  };
  tx.insert(users)
    .values({
      ...user,
      passwordHash: null,
      ssoSubject: verified.subject,
      createdAt: now.toISOString(),
    })
    .run();
  recordAudit(tx, {
    actor: actorOf(user),
    at: now,
    action: "create",
    entity: "user",
    entityId: user.id,
    after: { email: user.email, name: user.name, role, via: "single sign-on" },
  });
  return user;
}

/**
 * Completes a single sign-on: verifies the provider's answer, finds (or, if allowed, creates) the
 * person's account in the organisation the sign-in began for, and starts the same session a
 * password sign-in does, recording the sign-in time and an audit row with the client address.
 */
export async function finishSso(
  deps: { db: Db; now: Date },
  request: { pending: PendingSignIn; callbackQuery: URLSearchParams; source: string },
): Promise<{ user: SessionUser; token: string }> {
  const { pending } = request;
  const sso = ssoOrganisation(deps.db, pending.organisationId);
  if (sso === undefined) {
    throw new SsoRefusal("unavailable", "single sign-on was turned off", pending.organisationId);
  }
  const verified = await verifiedClaims(sso, pending, request.callbackQuery);
  if (!sso.allowedDomains.includes(emailDomain(verified.email))) {
    throw new SsoRefusal("not-allowed", "the email domain is not allowed", sso.id);
  }
  const { now } = deps;
  return deps.db.transaction((tx) => {
    const user = accountFor(tx, { sso, verified, now });
    tx.update(users).set({ lastSignInAt: now.toISOString() }).where(eq(users.id, user.id)).run();
    const { token } = createSession(tx, user, now);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "sign_in",
      entity: "session",
      after: { method: "single sign-on" },
      source: request.source,
    });
    return { user, token };
  });
}
