import type { SsoRefusalReason } from "@dapkit/contract";

/**
 * A refused single sign-on. The reason (`SSO_REFUSALS` in the contract) picks the one message the
 * person sees; `detail` says exactly why, for the audit log only.
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
