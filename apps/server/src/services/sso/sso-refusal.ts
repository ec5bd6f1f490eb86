/**
 * Why a single sign-on was refused, as the sign-in page is told it: `failed` (the exchange with
 * the provider did not check out: state, issuer, code, nonce), `not-allowed` (the person signed
 * in at their provider but may not use this organisation's tracker) or `unavailable` (no
 * organisation uses single sign-on for that address, or its provider cannot be reached).
 */
export type SsoRefusalReason = "failed" | "not-allowed" | "unavailable";

/**
 * A refused single sign-on. `detail` says exactly why, for the audit log only; the person sees
 * the reason's message and nothing that could help an attacker.
 */
export class SsoRefusal extends Error {
  override name = "SsoRefusal";

  constructor(
    readonly reason: SsoRefusalReason,
    readonly detail: string,
    readonly organisationId: string | null = null,
  ) {
    super(detail);
  }
}
