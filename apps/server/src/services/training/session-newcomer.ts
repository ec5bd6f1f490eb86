import { and, eq, notInArray } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { ENDED_STATES, NOMINATION_STATE_LABELS } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, staff } from "../../db/schema";
import { AppError, found } from "../../errors";
import type { Scope } from "../scope";
import { visibleStaff } from "../staff/staff-scope";

/** A person's nomination for a session still in play (not declined or cancelled), if any. */
export function liveNomination(
  tx: Queryable,
  scope: Scope,
  { sessionId, staffId }: { sessionId: string; staffId: string },
): { state: NominationState } | undefined {
  return tx
    .select({ state: nominations.state })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
        eq(nominations.staffId, staffId),
        notInArray(nominations.state, [...ENDED_STATES]),
      ),
    )
    .get();
}

/** A person about to join a session's list: who they are and their agency, in a partnership. */
export interface Newcomer {
  id: string;
  name: string;
  agencyId: string | null;
}

/**
 * A person the user may see (managers: their team; agency leads: their agency) who can be added
 * to the session now: still working here and with no nomination for it still in play. Refuses
 * otherwise, naming the field `staffId`.
 */
export function newcomerForSession(
  tx: Queryable,
  scope: Scope,
  { sessionId, staffId }: { sessionId: string; staffId: string },
): Newcomer {
  const person = found(
    tx
      .select({ id: staff.id, name: staff.name, agencyId: staff.agencyId, active: staff.active })
      .from(staff)
      .where(and(visibleStaff(scope.user), eq(staff.id, staffId)))
      .get(),
    "Staff member",
  );
  if (!person.active) {
    throw new AppError("bad_request", `${person.name} is no longer active`, { field: "staffId" });
  }
  const live = liveNomination(tx, scope, { sessionId, staffId });
  if (live !== undefined) {
    throw new AppError(
      "conflict",
      `${person.name} is already on this session (${NOMINATION_STATE_LABELS[live.state].toLowerCase()})`,
      { field: "staffId" },
    );
  }
  return { id: person.id, name: person.name, agencyId: person.agencyId };
}

/** Marks a nomination just added as a substitute's or an unscheduled attendee's. */
export function markNewNomination(
  tx: Queryable,
  scope: Scope,
  { id, set }: { id: string; set: { substitutedForId: string } | { unscheduled: true } },
): void {
  tx.update(nominations)
    .set(set)
    .where(and(eq(nominations.organisationId, scope.user.organisationId), eq(nominations.id, id)))
    .run();
}
