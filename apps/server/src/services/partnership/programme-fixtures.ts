import { inArray } from "drizzle-orm";

import type { AgencyKind } from "@dapkit/contract";

import type { Db } from "../../db/client";
import { newId } from "../../db/ids";
import { agencies, staff } from "../../db/schema";

// Test data for the programme costs and framework tests: agencies and their people straight into
// the tables, so those tests do not depend on the agencies page's rules (tested apart).

/** An agency of the organisation; a member of the county-council kind unless told otherwise. */
export function addAgency(
  app: { db: Db; clock: { now: Date } },
  organisationId: string,
  agency: { name: string; kind?: AgencyKind; member?: boolean },
): string {
  const id = newId();
  app.db
    .insert(agencies)
    .values({
      id,
      organisationId,
      name: agency.name,
      kind: agency.kind ?? "county_council",
      member: agency.member ?? true,
      createdAt: app.clock.now.toISOString(),
    })
    .run();
  return id;
}

/** Puts people in an agency. */
export function moveToAgency(db: Db, staffIds: readonly string[], agencyId: string): void {
  db.update(staff).set({ agencyId }).where(inArray(staff.id, staffIds)).run();
}
