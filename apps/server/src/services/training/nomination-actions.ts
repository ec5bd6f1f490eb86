import { and, eq } from "drizzle-orm";

import type { NominationState } from "@dapkit/schemas";
import { assertNominationTransition, holdsPlace } from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { nominations, staff } from "../../db/schema";
import { AppError, found } from "../../errors";
import type { Scope } from "../scope";
import { recordCharges } from "../charges/record-charges";
import { visibleStaff } from "../staff/staff-scope";
import {
  getNominationItem,
  nominationItemsById,
  staffOfNomination,
  type NominationItem,
} from "./nomination-items";
import { agencyPlaceLedger } from "./agency-places";
import { bookingMove } from "./booking-move";
import { moveNomination, WRITE_LOCK } from "./nomination-writes";
import { assertNotStarted } from "./session-timing";
import { fillFreePlaces } from "./waiting-list";

/** A nomination as a state change needs it. */
export interface NominationForChange {
  id: string;
  state: NominationState;
  sessionId: string;
  staffName: string;
  /** The person's agency, in a partnership. */
  agencyId: string | null;
}

/** A nomination the user may see (managers: their team's), read for a change, or not found. */
export function nominationForChange(tx: Queryable, scope: Scope, id: string): NominationForChange {
  return found(
    tx
      .select({
        id: nominations.id,
        state: nominations.state,
        sessionId: nominations.sessionId,
        staffName: staff.name,
        agencyId: staff.agencyId,
      })
      .from(nominations)
      .innerJoin(staff, staffOfNomination)
      .where(and(visibleStaff(scope.user), eq(nominations.id, id)))
      .get(),
    "Nomination",
  );
}

/** Runs `change` on one nomination in a write-locked transaction and returns it afterwards. */
export function changeNomination<T>(
  scope: Scope,
  id: string,
  change: (tx: Queryable, nomination: NominationForChange) => T,
): { nomination: NominationItem; result: T } {
  return scope.db.transaction((tx) => {
    const result = change(tx, nominationForChange(tx, scope, id));
    return { nomination: getNominationItem(tx, scope.user, id), result };
  }, WRITE_LOCK);
}

/** A state change request: which nomination, and a note for its history. */
export interface NominationNote {
  id: string;
  note: string;
}

function simpleMove(scope: Scope, input: NominationNote, to: "approved" | "declined") {
  return changeNomination(scope, input.id, (tx, nomination) =>
    moveNomination(tx, scope, {
      nomination,
      to,
      note: input.note,
      action: to === "approved" ? "approve" : "decline",
    }),
  ).nomination;
}

/** Approves a nomination. */
export function approveNomination(scope: Scope, input: NominationNote): NominationItem {
  return simpleMove(scope, input, "approved");
}

/** Declines a nomination, the reason in its history (the person may be nominated again). */
export function declineNomination(scope: Scope, input: NominationNote): NominationItem {
  return simpleMove(scope, input, "declined");
}

/**
 * Books a place if the session has one free; otherwise puts the nomination on the waiting list.
 * The count of places and the booking happen in one write-locked transaction, so two bookings
 * racing for the last place cannot both get it. In a partnership the person's agency must be one
 * the session is open to, and places held for other agencies until the release date are not
 * theirs to take; places released since go to those already waiting first.
 */
export function bookNomination(scope: Scope, input: NominationNote): NominationItem {
  return changeNomination(scope, input.id, (tx, nomination) => {
    assertNominationTransition(nomination.state, "booked");
    assertNotStarted(tx, scope, { sessionId: nomination.sessionId, what: "booked onto it" });
    if (fillFreePlaces(tx, scope, nomination.sessionId).includes(nomination.id)) return;
    const places = agencyPlaceLedger(tx, scope, nomination.sessionId);
    const refusal = places.refusal(nomination.agencyId);
    if (refusal != null) {
      throw new AppError("conflict", `${nomination.staffName} cannot be booked. ${refusal}`);
    }
    const move = bookingMove(nomination, places.free(nomination.agencyId), input.note);
    if (move == null) {
      throw new AppError(
        "conflict",
        `This session is full: ${nomination.staffName} stays on the waiting list`,
      );
    }
    moveNomination(tx, scope, { nomination, ...move });
  }).nomination;
}

/**
 * Cancels a nomination, the reason in its history (the person may be nominated again). If it held
 * a place, the place goes to the first person on the waiting list, in the same transaction;
 * `promoted` lists those the user may see.
 */
export function cancelNomination(
  scope: Scope,
  input: NominationNote,
): { nomination: NominationItem; promoted: NominationItem[] } {
  const { nomination, result } = changeNomination(scope, input.id, (tx, current) => {
    moveNomination(tx, scope, {
      nomination: current,
      to: "cancelled",
      note: input.note,
      action: "cancel",
    });
    if (holdsPlace(current.state)) {
      recordCharges(tx, scope, { what: "cancelled", nominationIds: [current.id] });
    }
    const promoted = holdsPlace(current.state) ? fillFreePlaces(tx, scope, current.sessionId) : [];
    return nominationItemsById(tx, scope.user, promoted);
  });
  return { nomination, promoted: result };
}
