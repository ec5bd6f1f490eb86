import { eq } from "drizzle-orm";

import type { AgencyKind } from "@dapkit/contract";

import { newId } from "../db/ids";
import { agencies, organisations, staff } from "../db/schema";
import type { Scope } from "../services/scope";
import { createStaff } from "./builders";

// Partnership set-up for tests of places, substitutes and the register: straight into the tables,
// so these tests do not depend on the agencies admin screens.

/** Makes the scope's organisation run as a partnership (or, `on` false, not). */
export function makePartnership(scope: Scope, on = true): void {
  scope.db
    .update(organisations)
    .set({ runsAsPartnership: on })
    .where(eq(organisations.id, scope.user.organisationId))
    .run();
}

/** An agency of the scope's organisation; a member unless said otherwise. Returns its id. */
export function addAgency(
  scope: Scope,
  name: string,
  options: { member?: boolean; kind?: AgencyKind; archived?: boolean } = {},
): string {
  const id = newId();
  scope.db
    .insert(agencies)
    .values({
      id,
      organisationId: scope.user.organisationId,
      name,
      kind: options.kind ?? "other",
      member: options.member ?? true,
      createdAt: scope.now.toISOString(),
      archivedAt: options.archived === true ? scope.now.toISOString() : null,
    })
    .run();
  return id;
}

/**
 * An active member of staff working for the agency (or, `agencyId` null, for none: which the
 * staff screens refuse in a partnership, hence the partnership is paused to add them). Returns
 * their id.
 */
export function agencyStaff(scope: Scope, agencyId: string | null, name?: string): string {
  makePartnership(scope, false);
  const person = createStaff(scope, name === undefined ? {} : { name });
  makePartnership(scope);
  scope.db.update(staff).set({ agencyId }).where(eq(staff.id, person.id)).run();
  return person.id;
}
