import { and, eq, inArray } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { holdsPlace, NOMINATION_ACTIONS, type NominationAction } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, staff } from "../../db/schema";
import type { Scope } from "../scope";
import { recordCharges } from "../charges/record-charges";
import { visibleStaff } from "../staff/staff-scope";
import type { NominationForChange } from "./nomination-actions";
import { agencyPlaceLedger, type AgencyPlaceLedger } from "./agency-places";
import { bookingMove } from "./booking-move";
import { staffOfNomination } from "./nomination-items";
import { moveNomination, transitionProblem, WRITE_LOCK } from "./nomination-writes";
import { assertNotStarted } from "./session-timing";
import { fillFreePlaces, waitingList } from "./waiting-list";

/** One action on many of a session's nominations, chosen by id. */
export interface ApplyMany {
  sessionId: string;
  action: NominationAction;
  ids: string[];
  note: string;
}

/** What happened to one person: their new state, or skipped with the reason. */
export interface ManyOutcome {
  id: string;
  staffName: string;
  outcome: NominationState | "skipped";
  reason: string | null;
}

const NOT_HERE = "Not a nomination for this session that you can see";
const FULL = "This session is full, so they stay on the waiting list";

function nominationsOf(tx: Queryable, scope: Scope, input: ApplyMany): NominationForChange[] {
  return tx
    .select({
      id: nominations.id,
      state: nominations.state,
      sessionId: nominations.sessionId,
      staffName: staff.name,
      agencyId: staff.agencyId,
    })
    .from(nominations)
    .innerJoin(staff, staffOfNomination)
    .where(
      and(
        visibleStaff(scope.user),
        eq(nominations.sessionId, input.sessionId),
        inArray(nominations.id, input.ids),
      ),
    )
    .all();
}

/**
 * The order bookings take places in: people already on the waiting list first, in the order they
 * joined it, then everyone else in the order chosen.
 */
function bookingOrder(run: BulkRun, chosen: readonly NominationForChange[]): NominationForChange[] {
  const position = new Map(
    waitingList(run.tx, run.scope, run.input.sessionId).map((row, index) => [row.id, index]),
  );
  const waiting = chosen
    .filter((nomination) => position.has(nomination.id))
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return [...waiting, ...chosen.filter((nomination) => !position.has(nomination.id))];
}

/** One bulk action under way: its transaction, who acts, what was asked, places still free. */
interface BulkRun {
  tx: Queryable;
  scope: Scope;
  input: ApplyMany;
  places: AgencyPlaceLedger;
}

function applyOne(run: BulkRun, nomination: NominationForChange): ManyOutcome {
  const { tx, scope, input, places } = run;
  const done = (outcome: ManyOutcome["outcome"], reason: string | null = null): ManyOutcome => ({
    id: nomination.id,
    staffName: nomination.staffName,
    outcome,
    reason,
  });
  const wanted = NOMINATION_ACTIONS[input.action].to;
  const problem = transitionProblem(nomination.state, wanted);
  if (problem != null) return done("skipped", problem);
  if (input.action !== "book") {
    moveNomination(tx, scope, { nomination, to: wanted, note: input.note, action: input.action });
    // Giving up a place inside the notice period is a late cancellation under a charging policy.
    if (wanted === "cancelled" && holdsPlace(nomination.state)) {
      recordCharges(tx, scope, { what: "cancelled", nominationIds: [nomination.id] });
    }
    return done(wanted);
  }
  const refusal = places.refusal(nomination.agencyId);
  if (refusal != null) return done("skipped", refusal);
  const move = bookingMove(nomination, places.free(nomination.agencyId), input.note);
  if (move == null) return done("skipped", FULL);
  if (move.to === "booked") places.take(nomination.agencyId);
  moveNomination(tx, scope, { nomination, ...move });
  return done(move.to);
}

/**
 * Approves, books, declines or cancels many of a session's nominations in one transaction: each
 * person's outcome is listed, and anyone the rules do not allow is skipped with the reason rather
 * than failing the rest. Bookings fill the free places and put the rest on the waiting list;
 * places freed by cancelling go to the waiting list, in the same transaction.
 */
export function applyToMany(
  scope: Scope,
  input: ApplyMany,
): { results: ManyOutcome[]; promoted: { id: string; staffName: string }[] } {
  const ids = [...new Set(input.ids)];
  return scope.db.transaction((tx) => {
    const booking = input.action === "book";
    if (booking)
      assertNotStarted(tx, scope, { sessionId: input.sessionId, what: "booked onto it" });
    // Places released since (a reservation's date passed) go to those already waiting first.
    const released = booking ? fillFreePlaces(tx, scope, input.sessionId) : [];
    const run: BulkRun = {
      tx,
      scope,
      input,
      places: agencyPlaceLedger(tx, scope, input.sessionId),
    };
    const index = new Map(ids.map((id, at) => [id, at]));
    const chosen = nominationsOf(tx, scope, { ...input, ids }).sort(
      (a, b) => (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0),
    );
    const ordered = booking ? bookingOrder(run, chosen) : chosen;
    const outcomes = new Map(
      ordered.map((nomination) => [nomination.id, applyOne(run, nomination)]),
    );
    const freed = chosen.some(
      (nomination) =>
        holdsPlace(nomination.state) && outcomes.get(nomination.id)?.outcome !== "skipped",
    );
    const promotedIds = [...released, ...(freed ? fillFreePlaces(tx, scope, input.sessionId) : [])];
    const names = new Map(
      promotedIds.length === 0
        ? []
        : nominationsOf(tx, scope, { ...input, ids: promotedIds }).map((row) => [row.id, row]),
    );
    return {
      // In the order asked for, so the result reads against the selection.
      results: ids.map(
        (id) => outcomes.get(id) ?? { id, staffName: "", outcome: "skipped", reason: NOT_HERE },
      ),
      promoted: promotedIds.flatMap((id) => {
        const row = names.get(id);
        return row === undefined ? [] : [{ id, staffName: row.staffName }];
      }),
    };
  }, WRITE_LOCK);
}
