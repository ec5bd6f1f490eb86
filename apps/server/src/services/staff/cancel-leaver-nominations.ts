import { and, eq, gt, inArray } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { holdsPlace } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, trainingSessions } from "../../db/schema";
import type { Scope } from "../scope";
import { sessionOfNomination } from "../training/nomination-items";
import { moveNomination } from "../training/nomination-writes";
import { fillFreePlaces } from "../training/waiting-list";

/** The reason each cancelled nomination's history gives. */
export const LEFT_THE_ORGANISATION = "left the organisation";

// Nominations still heading for a session: the ones a leaver can no longer take up.
const OPEN_STATES: NominationState[] = ["nominated", "approved", "waitlisted", "booked"];

/**
 * Cancels a leaver's nominations and bookings for sessions that have not started, in the caller's
 * transaction, each with a history entry and audited; places they held go to the waiting list.
 * Sessions already started are left alone: attendance there is a record of what happened.
 * Returns how many were cancelled.
 */
export function cancelLeaverNominations(tx: Queryable, scope: Scope, staffId: string): number {
  const open = tx
    .select({ id: nominations.id, state: nominations.state, sessionId: nominations.sessionId })
    .from(nominations)
    .innerJoin(trainingSessions, sessionOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.staffId, staffId),
        inArray(nominations.state, OPEN_STATES),
        gt(trainingSessions.startsAt, scope.now.toISOString()),
      ),
    )
    .all();
  for (const nomination of open) {
    moveNomination(tx, scope, {
      nomination,
      to: "cancelled",
      note: LEFT_THE_ORGANISATION,
      action: "cancel",
    });
    if (holdsPlace(nomination.state)) fillFreePlaces(tx, scope, nomination.sessionId);
  }
  return open.length;
}
