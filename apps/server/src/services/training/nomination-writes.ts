import { and, eq, sql } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { assertNominationTransition, TrainingRuleError } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { jsonBatches, jsonRows, rowField, sharedField } from "../../db/json-rows";
import { preparedStatement } from "../../db/prepared";
import { nominationEvents, nominations } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit, recordAudits } from "../audit/record-audit";
import { recordCharges } from "../charges/record-charges";
import { queueEvaluationInvitation } from "../evaluation/evaluation-invitations";
import { queueStateChangeMessages } from "../notifications/nomination-messages";
import type { Scope } from "../scope";

/** What a new nomination says. */
export interface NewNomination {
  staffId: string;
  sessionId: string;
  reason: string;
  mandatory: boolean;
}

// State changes (a register, an attendance import) write these once per row, so each is compiled
// once per connection.
const insertEvent = preparedStatement((db) =>
  db
    .insert(nominationEvents)
    .values({
      organisationId: sql.placeholder("organisationId"),
      nominationId: sql.placeholder("nominationId"),
      state: sql.placeholder("state"),
      at: sql.placeholder("at"),
      byUserId: sql.placeholder("byUserId"),
      note: sql.placeholder("note"),
    })
    .prepare(),
);

// An import adds thousands of nominations at once, so each table takes them in one statement (see
// jsonRows): the nominations, then the first history entry of each, from the same rows.
const insertNominationRows = preparedStatement((db) =>
  db
    .insert(nominations)
    .select((qb) =>
      qb
        .select({
          id: rowField("id"),
          organisationId: sharedField("organisationId"),
          staffId: rowField("staffId"),
          sessionId: rowField("sessionId"),
          nominatedBy: sharedField("userId"),
          reason: rowField("reason"),
          mandatory: rowField("mandatory"),
          state: sql`'nominated'`.as("state"),
          stateChangedAt: sharedField("at"),
          createdAt: sharedField("at"),
          substitutedForId: sql`null`.as("substitutedForId"),
          unscheduled: sql`0`.as("unscheduled"),
        })
        .from(jsonRows("nominations")),
    )
    .prepare(),
);

const insertFirstEvents = preparedStatement((db) =>
  db
    .insert(nominationEvents)
    .select((qb) =>
      qb
        .select({
          id: sql`null`.as("eventId"),
          organisationId: sharedField("organisationId"),
          nominationId: rowField("id"),
          state: sql`'nominated'`.as("state"),
          at: sharedField("at"),
          byUserId: sharedField("userId"),
          note: rowField("reason"),
        })
        .from(jsonRows("nominations")),
    )
    .prepare(),
);

const updateState = preparedStatement((db) =>
  db
    .update(nominations)
    // Update values are typed as values or SQL, so the placeholders go in as SQL (text, unencoded).
    .set({ state: sql`${sql.placeholder("state")}`, stateChangedAt: sql`${sql.placeholder("at")}` })
    .where(
      and(
        eq(nominations.organisationId, sql.placeholder("organisationId")),
        eq(nominations.id, sql.placeholder("id")),
      ),
    )
    .prepare(),
);

/**
 * Adds an entry to a nomination's history without changing its state (a session moved, say);
 * state changes go through moveNomination, which writes their entry itself.
 */
export function appendEvent(
  tx: Queryable,
  scope: Scope,
  event: { nominationId: string; state: NominationState; note: string },
): void {
  insertEvent(tx).run({
    ...event,
    organisationId: scope.user.organisationId,
    at: scope.now.toISOString(),
    byUserId: scope.user.id,
  });
}

/**
 * Adds nominations in the nominated state, each with its first history entry and audited, in
 * the order given; returns their ids in that order.
 */
export function insertNominations(
  tx: Queryable,
  scope: Scope,
  inputs: readonly NewNomination[],
): string[] {
  const created = inputs.map((input) => ({ id: newId(), input }));
  const shared = {
    organisationId: scope.user.organisationId,
    userId: scope.user.id,
    at: scope.now.toISOString(),
  };
  for (const batch of jsonBatches(created)) {
    const rows = {
      ...shared,
      // Object literals rather than spread copies, which JSON.stringify takes several times longer.
      nominations: JSON.stringify(
        batch.map(({ id, input }) => ({
          id,
          staffId: input.staffId,
          sessionId: input.sessionId,
          reason: input.reason,
          mandatory: input.mandatory,
        })),
      ),
    };
    insertNominationRows(tx).run(rows);
    insertFirstEvents(tx).run(rows);
    // A batch's audit entries are built and written with it, so a large import never holds an
    // audit entry for every row at once.
    recordAudits(
      tx,
      { actor: actorOf(scope.user), at: scope.now, action: "create", entity: "nomination" },
      batch.map(({ id, input }) => ({ entityId: id, after: { ...input, state: "nominated" } })),
    );
  }
  return created.map(({ id }) => id);
}

/** A change of a nomination's state; `action` names it in the audit log. */
export interface StateChange {
  nomination: { id: string; state: NominationState };
  to: NominationState;
  note: string;
  action: string;
  /** The rule the move must pass: the state machine's, unless undoing an attendance change. */
  rule?: (from: NominationState, to: NominationState) => void;
}

/**
 * Moves a nomination to a new state if @dapkit/training's rules allow it (otherwise throws its
 * TrainingRuleError, which reaches the client as CONFLICT): sets the current state, appends the
 * history entry (history is never rewritten) and audits the change, all in the caller's transaction.
 */
export function moveNomination(tx: Queryable, scope: Scope, change: StateChange): void {
  const { nomination, to, note, rule = assertNominationTransition } = change;
  rule(nomination.state, to);
  updateState(tx).run({
    state: to,
    at: scope.now.toISOString(),
    organisationId: scope.user.organisationId,
    id: nomination.id,
  });
  appendEvent(tx, scope, { nominationId: nomination.id, state: to, note });
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: change.action,
    entity: "nomination",
    entityId: nomination.id,
    before: { state: nomination.state },
    after: { state: to, note },
  });
  queueStateChangeMessages(tx, scope, change);
  // A non-member agency's place is charged when booked (nothing unless a charging policy is on).
  if (to === "booked") recordCharges(tx, scope, { what: "booked", nominationIds: [nomination.id] });
  queueEvaluationInvitation(tx, scope, change);
}

/** Why a nomination cannot move between two states, in @dapkit/training's words, or null. */
export function transitionProblem(from: NominationState, to: NominationState): string | null {
  try {
    assertNominationTransition(from, to);
    return null;
  } catch (error) {
    if (error instanceof TrainingRuleError) return error.message;
    throw error;
  }
}

/**
 * Transaction options for anything that checks places before it writes: the write lock is taken
 * at BEGIN, so even another process sharing the database file cannot book between the check and
 * the write. (Within one process better-sqlite3 transactions are synchronous, so they never
 * interleave anyway.)
 */
export const WRITE_LOCK = { behavior: "immediate" } as const;
