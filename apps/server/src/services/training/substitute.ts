import { NOMINATION_STATE_LABELS } from "@dapkit/training";

import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import { agenciesById } from "./agency-places";
import { nominationForChange } from "./nomination-actions";
import { getNominationItem, type NominationItem } from "./nomination-items";
import { insertNominations, moveNomination, WRITE_LOCK } from "./nomination-writes";
import { markNewNomination, newcomerForSession } from "./session-newcomer";
import { assertNotStarted } from "./session-timing";

/** A substitute sent in a booked person's place, and why. */
export interface SubstituteInput {
  nominationId: string;
  staffId: string;
  reason: string;
}

// "Sent a substitute: Ben Ode. Off sick" — the reason after what happened.
function withReason(what: string, reason: string): string {
  return reason === "" ? what : `${what}. ${reason}`;
}

/**
 * Sends a substitute in a booked person's place before the session starts, in one transaction:
 * the booking is cancelled, saying who took it, and the substitute is booked into the same place,
 * their nomination's `substitutedForId` pointing at the booking they took over (which is how a
 * cancellation that was a free substitution is told apart from one that may be charged). Nobody
 * on the waiting list is offered the place: it never falls free. In a partnership the substitute
 * must work for the same agency. Managers and agency leads send substitutes for the people they
 * can see, from among them.
 */
export function substitute(
  scope: Scope,
  input: SubstituteInput,
): { cancelled: NominationItem; substitute: NominationItem } {
  return scope.db.transaction((tx) => {
    const original = nominationForChange(tx, scope, input.nominationId);
    if (original.state !== "booked") {
      throw new AppError(
        "conflict",
        `Only a booked place can go to a substitute: ${original.staffName}'s nomination is ${NOMINATION_STATE_LABELS[original.state].toLowerCase()}`,
        { field: "nominationId" },
      );
    }
    assertNotStarted(tx, scope, { sessionId: original.sessionId, what: "booked onto it" });
    const person = newcomerForSession(tx, scope, {
      sessionId: original.sessionId,
      staffId: input.staffId,
    });
    if (runsAsPartnership(tx, scope.user.organisationId) && person.agencyId !== original.agencyId) {
      const agency = agenciesById(tx, scope).get(original.agencyId ?? "")?.name ?? "no agency";
      throw new AppError(
        "bad_request",
        `A substitute must work for the same agency as ${original.staffName} (${agency})`,
        { field: "staffId" },
      );
    }
    moveNomination(tx, scope, {
      nomination: original,
      to: "cancelled",
      note: withReason(`Sent a substitute: ${person.name} takes the place`, input.reason),
      action: "substitute_out",
    });
    const [id = ""] = insertNominations(tx, scope, [
      {
        staffId: person.id,
        sessionId: original.sessionId,
        reason: withReason(`Substitute for ${original.staffName}`, input.reason),
        mandatory: false,
      },
    ]);
    markNewNomination(tx, scope, { id, set: { substitutedForId: original.id } });
    moveNomination(tx, scope, {
      nomination: { id, state: "nominated" },
      to: "booked",
      note: `Booked in ${original.staffName}'s place as their substitute`,
      action: "substitute_in",
    });
    return {
      cancelled: getNominationItem(tx, scope.user, original.id),
      substitute: getNominationItem(tx, scope.user, id),
    };
  }, WRITE_LOCK);
}
