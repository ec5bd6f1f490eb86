/** Single sign-on's plain HTTP routes, for the server that answers them and the page that links. */
export const SSO_PATHS = {
  /** `GET`: `{ available: boolean }`, whether any organisation uses single sign-on. */
  availability: "/api/auth/sso",
  /** `GET ?email=…`: sends the browser to the provider of the organisation the address is in. */
  start: "/api/auth/sso/start",
  /** Where the provider sends the browser back: the redirect URI to register with it. */
  callback: "/api/auth/sso/callback",
} as const;

/**
 * Why a single sign-on was refused, as the sign-in page is told (`/sign-in?sso=<reason>`), and the
 * one message each shows: never which check failed, which only the audit log records.
 */
export const SSO_REFUSALS = {
  /** The exchange with the provider did not check out (state, issuer, code, nonce). */
  failed: "Signing in with your organisation's account did not work. Try again.",
  /** The person signed in at their provider but may not use this organisation's dapkit. */
  "not-allowed":
    "Your organisation's account cannot be used to sign in to dapkit. Ask a dapkit administrator in your organisation to invite you.",
  /** No organisation signs that address in with single sign-on, or its provider is unreachable. */
  unavailable:
    "Signing in with your organisation's account is not available for that email address. Check the address, or sign in with your password.",
  /** Too many refused sign-ins from the person's network address: it waits, as for passwords. */
  "too-many": "Too many sign-ins from your network have failed. Wait 15 minutes, then try again.",
} as const;

/** A reason single sign-on was refused. */
export type SsoRefusalReason = keyof typeof SSO_REFUSALS;

/** The reason in a sign-in page address's `sso` parameter, if it is one. */
export function ssoRefusalReason(value: string | null): SsoRefusalReason | undefined {
  if (value == null) return undefined;
  const reasons = Object.keys(SSO_REFUSALS) as SsoRefusalReason[];
  return reasons.find((reason) => reason === value);
}
