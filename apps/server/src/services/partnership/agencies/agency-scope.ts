import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";

import type { SessionUser } from "../../../auth/session-user";

/**
 * Limits an agency column to the agencies whose figures the user may see: an agency lead sees
 * their own agency's only (one with no agency sees none); everyone else allowed to read the
 * partnership sees every agency of their organisation (the query filters by organisation).
 */
export function visibleAgency(user: SessionUser, agencyColumn: AnyColumn): SQL | undefined {
  if (user.role !== "agency_lead") return undefined;
  return user.agencyId == null ? sql`0` : eq(agencyColumn, user.agencyId);
}
