import { and, eq, sql } from "drizzle-orm";

import type { Queryable } from "../../db/client";
import { staff } from "../../db/schema";

/**
 * The staff record a new account belongs to, matched by email address (ignoring case) among the
 * organisation's current staff; null when none matches, or when more than one does (an
 * administrator then links the right one on the users page rather than the service guessing).
 */
export function staffIdByEmail(
  db: Queryable,
  organisationId: string,
  email: string,
): string | null {
  const matches = db
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(
        eq(staff.organisationId, organisationId),
        eq(staff.active, true),
        sql`lower(${staff.email}) = lower(${email})`,
      ),
    )
    .limit(2)
    .all();
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}
