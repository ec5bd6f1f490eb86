import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

// The domain packages' named errors and the tRPC code each maps to. They are matched by name so
// that this table stays the single place that knows about them.
const DOMAIN_ERRORS: Record<string, TRPC_ERROR_CODE_KEY> = {
  FundingInputError: "BAD_REQUEST",
  TrainingRuleError: "CONFLICT",
  DahaRuleError: "CONFLICT",
};

/** The tRPC code for an error thrown by a domain package, if it is one. */
export function domainErrorCode(error: unknown): TRPC_ERROR_CODE_KEY | undefined {
  return error instanceof Error ? DOMAIN_ERRORS[error.name] : undefined;
}
