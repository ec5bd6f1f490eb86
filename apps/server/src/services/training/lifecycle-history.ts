import { and, count, eq, inArray, notInArray } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { ENDED_STATES } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, staff, trainingSessions } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { staffOfNomination } from "./nomination-items";
import { waitingList } from "./waiting-list";

/** A person a change to their session touched, with their state before it. */
export interface AffectedNomination {
  id: string;
  staffId: string;
  staffName: string;
  state: NominationState;
}

/**
 * Everyone on a session whose nomination is still in play (of the whole organisation: only HR
 * and administrators change a session), those on the waiting list last and in its order, so
 * history entries written in this order keep the waiting list as it was.
 */
export function liveNominations(
  tx: Queryable,
  scope: Scope,
  sessionId: string,
): AffectedNomination[] {
  const rows = tx
    .select({
      id: nominations.id,
      staffId: nominations.staffId,
      staffName: staff.name,
      state: nominations.state,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, sessionId),
        notInArray(nominations.state, [...ENDED_STATES]),
      ),
    )
    .orderBy(staff.name, staff.employeeNumber)
    .all();
  const order = new Map(waitingList(tx, scope, sessionId).map((entry, index) => [entry.id, index]));
  const waiting = rows
    .filter((row) => order.has(row.id))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return [...rows.filter((row) => !order.has(row.id)), ...waiting];
}

/** How many of a session's nominations are in these states. */
export function countInStates(
  tx: Queryable,
  scope: Scope,
  input: { sessionId: string; states: NominationState[] },
): number {
  const row = tx
    .select({ n: count() })
    .from(nominations)
    .where(
      and(
        eq(nominations.organisationId, scope.user.organisationId),
        eq(nominations.sessionId, input.sessionId),
        inArray(nominations.state, input.states),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** What cancelling, closing or moving sets on a session's record. */
type SessionColumns = Partial<
  Pick<
    typeof trainingSessions.$inferInsert,
    "startsAt" | "endsAt" | "closedAt" | "cancelledAt" | "cancelReason"
  >
>;

/** Sets a session's columns and audits the change as `action`, in the caller's transaction. */
export function changeSessionRecord(
  tx: Queryable,
  scope: Scope,
  change: { id: string; action: string; set: SessionColumns; before: unknown; after: unknown },
): void {
  tx.update(trainingSessions)
    .set(change.set)
    .where(
      and(
        eq(trainingSessions.organisationId, scope.user.organisationId),
        eq(trainingSessions.id, change.id),
      ),
    )
    .run();
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: change.action,
    entity: "training_session",
    entityId: change.id,
    before: change.before,
    after: change.after,
  });
}
