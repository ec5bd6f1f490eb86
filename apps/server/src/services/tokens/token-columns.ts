import { sql } from "drizzle-orm";

import type { TOKEN_STATUSES } from "@dapkit/contract";

import { apiTokens } from "../../db/schema";

/**
 * A token's fields as its owner sees them (never the hash), with its status worked out as of
 * `now` in the query itself.
 */
export function tokenColumns(now: Date) {
  return {
    id: apiTokens.id,
    name: apiTokens.name,
    createdAt: apiTokens.createdAt,
    expiresAt: apiTokens.expiresAt,
    lastUsedAt: apiTokens.lastUsedAt,
    revokedAt: apiTokens.revokedAt,
    status: sql<(typeof TOKEN_STATUSES)[number]>`case
      when ${apiTokens.revokedAt} is not null then 'revoked'
      when ${apiTokens.expiresAt} <= ${now.toISOString()} then 'expired'
      else 'active' end`,
  };
}
