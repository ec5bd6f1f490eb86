import * as client from "openid-client";

import type { Queryable } from "../../db/client";
import type { PendingSignIns } from "./pending-sign-ins";
import { providerConfiguration } from "./provider-configuration";
import { emailDomain, ssoOrganisationForDomain } from "./sso-organisation";
import { SsoRefusal } from "./sso-refusal";

// Longer than any real address (RFC 5321 allows 254), so a longer one is refused unread.
const MAX_EMAIL_LENGTH = 254;

/**
 * Begins a single sign-on for the address someone typed: finds the organisation whose allowed
 * domains include it, keeps a fresh state, nonce and PKCE verifier server-side, and returns the
 * provider's authorisation URL and the key for the browser's cookie.
 */
export async function startSso(
  deps: { db: Queryable; now: Date; pending: PendingSignIns },
  request: { email: string; redirectUri: string },
): Promise<{ authorisationUrl: URL; pendingKey: string }> {
  const email = request.email.trim();
  if (email.length > MAX_EMAIL_LENGTH || !email.includes("@")) {
    throw new SsoRefusal("unavailable", "no usable email address given");
  }
  const sso = ssoOrganisationForDomain(deps.db, emailDomain(email));
  if (sso === undefined) throw new SsoRefusal("unavailable", "no organisation for the domain");

  const config = await providerConfiguration(sso);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorisationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: request.redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: email,
  });
  const pendingKey = deps.pending.add(
    { organisationId: sso.id, state, nonce, codeVerifier, redirectUri: request.redirectUri },
    deps.now,
  );
  return { authorisationUrl, pendingKey };
}
