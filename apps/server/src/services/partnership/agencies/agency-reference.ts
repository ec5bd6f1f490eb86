import { and, eq } from "drizzle-orm";

import type { Queryable } from "../../../db/client";
import { agencies, organisations } from "../../../db/schema";
import { AppError } from "../../../errors";

/** Whether the organisation runs as a partnership of member agencies. */
export function runsAsPartnership(db: Queryable, organisationId: string): boolean {
  const row = db
    .select({ on: organisations.runsAsPartnership })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
  return row?.on ?? false;
}

/** The organisation's current (not archived) agency with this id, if there is one. */
export function currentAgency(
  db: Queryable,
  organisationId: string,
  agencyId: string,
): { id: string; name: string } | undefined {
  const row = db
    .select({ id: agencies.id, name: agencies.name, archivedAt: agencies.archivedAt })
    .from(agencies)
    .where(and(eq(agencies.organisationId, organisationId), eq(agencies.id, agencyId)))
    .get();
  return row === undefined || row.archivedAt != null ? undefined : { id: row.id, name: row.name };
}

/**
 * Refuses an agency that is not one of the organisation's current agencies (another
 * organisation's id is refused the same way, so it reveals nothing), naming the agencyId field.
 */
export function assertCurrentAgency(db: Queryable, organisationId: string, agencyId: string): void {
  if (currentAgency(db, organisationId, agencyId) === undefined) {
    throw new AppError("bad_request", "Choose one of your partnership's current agencies", {
      field: "agencyId",
    });
  }
}

/**
 * Checks a person's agency: one of the organisation's current agencies, and required when the
 * organisation runs as a partnership.
 */
export function assertStaffAgency(
  db: Queryable,
  organisationId: string,
  agencyId: string | null,
): void {
  if (agencyId != null) {
    assertCurrentAgency(db, organisationId, agencyId);
    return;
  }
  if (runsAsPartnership(db, organisationId)) {
    throw new AppError("bad_request", "Choose the agency this person works for", {
      field: "agencyId",
    });
  }
}
