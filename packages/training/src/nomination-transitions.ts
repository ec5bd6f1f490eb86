import { NominationStateSchema, type NominationState, describeValue } from "@dapkit/schemas";

import { isAttendanceOutcome, isNominationState } from "./nomination-states";
import { TrainingRuleError } from "./training-rule-error";

const OUTCOMES = ["fully_attended", "partially_attended", "unable_to_attend", "no_show"] as const;

function othersThan(outcome: (typeof OUTCOMES)[number]): readonly NominationState[] {
  return Object.freeze(OUTCOMES.filter((candidate) => candidate !== outcome));
}

/**
 * Where a nomination may move next from each state; a state not listed is not allowed.
 *
 * - nominated → approved | declined | waitlisted | booked | cancelled
 * - approved → booked | waitlisted | declined | cancelled
 * - waitlisted → booked | cancelled
 * - booked → any attendance outcome | cancelled
 * - an attendance outcome → another attendance outcome (correcting a mark)
 * - declined and cancelled are final: nominate the person again instead
 *
 * @example
 * nominationTransitions.waitlisted; // ["booked", "cancelled"]
 */
export const nominationTransitions: Readonly<Record<NominationState, readonly NominationState[]>> =
  Object.freeze({
    nominated: Object.freeze([
      "approved",
      "declined",
      "waitlisted",
      "booked",
      "cancelled",
    ] as const),
    approved: Object.freeze(["booked", "waitlisted", "declined", "cancelled"] as const),
    waitlisted: Object.freeze(["booked", "cancelled"] as const),
    booked: Object.freeze([...OUTCOMES, "cancelled"] as const),
    declined: Object.freeze([] as const),
    cancelled: Object.freeze([] as const),
    fully_attended: othersThan("fully_attended"),
    partially_attended: othersThan("partially_attended"),
    unable_to_attend: othersThan("unable_to_attend"),
    no_show: othersThan("no_show"),
  });

/**
 * Says whether a nomination may move from one state to another (staying put is not a move).
 *
 * @example
 * canTransitionNomination("booked", "no_show"); // true
 * canTransitionNomination("cancelled", "booked"); // false
 */
export function canTransitionNomination(from: NominationState, to: NominationState): boolean {
  return isNominationState(from) && nominationTransitions[from].includes(to);
}

function article(state: string): string {
  return /^[aeiou]/.test(state) ? `an ${state}` : `a ${state}`;
}

// Where a nomination that cannot yet have its attendance marked has got to.
const NOT_YET_BOOKED: Readonly<Partial<Record<NominationState, string>>> = {
  nominated: "awaiting approval",
  approved: "approved but not yet booked",
  waitlisted: "on the waiting list",
};

// Only called for states with two or more ways on, so there is always an "or".
function listOf(states: readonly string[]): string {
  return `${states.slice(0, -1).join(", ")} or ${states.slice(-1).join("")}`;
}

// A state by its code when it is text, so a refusal reads "from booked to nominated".
function stateText(value: unknown): string {
  return typeof value === "string" ? value : describeValue(value);
}

function explainRefusal(from: unknown, to: unknown): string {
  const move = `Cannot move a nomination from ${stateText(from)} to ${stateText(to)}`;
  for (const state of [from, to]) {
    if (!isNominationState(state)) {
      return `${move}: ${describeValue(state)} is not a nomination state (${NominationStateSchema.options.join(", ")})`;
    }
  }
  const [was, next] = [from as NominationState, to as NominationState];
  if (was === next) return `The nomination is already ${was}`;
  if (isAttendanceOutcome(next) && !isAttendanceOutcome(was)) {
    if (was === "declined" || was === "cancelled") {
      return `Cannot mark attendance for ${article(was)} nomination`;
    }
    // "a nominated nomination" says nothing; say where the nomination has got to instead.
    return `Cannot mark attendance for a nomination that is ${NOT_YET_BOOKED[was] ?? was}: it must be booked first`;
  }
  if (was === "declined" || was === "cancelled") {
    return `Cannot move ${article(was)} nomination to ${next}: ${was} is final; nominate the member of staff again instead`;
  }
  if (isAttendanceOutcome(was)) {
    return `${move}: attendance has been marked, so it can only be corrected to another attendance outcome`;
  }
  return `${move}: from ${was} it can only move to ${listOf(nominationTransitions[was])}`;
}

/**
 * Throws `TrainingRuleError` (`invalid_transition`) explaining why a nomination cannot move from
 * one state to another; returns quietly when it can.
 *
 * @example
 * assertNominationTransition("booked", "fully_attended"); // fine
 * assertNominationTransition("cancelled", "fully_attended");
 * // TrainingRuleError: Cannot mark attendance for a cancelled nomination
 */
export function assertNominationTransition(from: NominationState, to: NominationState): void {
  if (canTransitionNomination(from, to)) return;
  throw new TrainingRuleError("invalid_transition", explainRefusal(from, to));
}

/**
 * Throws `TrainingRuleError` (`invalid_transition`) unless undoing an attendance change may move a
 * nomination from `from` back to `to`: from an attendance outcome to booked or to another
 * outcome, or (undoing an undo) from booked to an outcome. Undo is the one way back to booked,
 * which marking never allows.
 *
 * @example
 * assertAttendanceUndo("no_show", "booked"); // fine
 * assertAttendanceUndo("cancelled", "booked"); // TrainingRuleError
 */
export function assertAttendanceUndo(from: NominationState, to: NominationState): void {
  const inRegister = (state: NominationState) => state === "booked" || isAttendanceOutcome(state);
  if (from !== to && inRegister(from) && inRegister(to)) return;
  throw new TrainingRuleError(
    "invalid_transition",
    `Cannot undo attendance from ${stateText(from)} to ${stateText(to)}: only an attendance mark can be undone`,
  );
}

/**
 * Throws `TrainingRuleError` (`invalid_transition`) unless a nomination may go straight from
 * `from` to `to` because its person signed in on the day without a booking (an unscheduled
 * attendee): only a new nomination, to fully or partially attended. Nobody signs in to be absent,
 * and anyone already on the session has their attendance marked instead.
 *
 * @example
 * assertUnscheduledAttendance("nominated", "fully_attended"); // fine
 * assertUnscheduledAttendance("waitlisted", "fully_attended"); // TrainingRuleError
 */
export function assertUnscheduledAttendance(from: NominationState, to: NominationState): void {
  if (from === "nominated" && (to === "fully_attended" || to === "partially_attended")) return;
  throw new TrainingRuleError(
    "invalid_transition",
    `Cannot record an unscheduled attendee from ${stateText(from)} to ${stateText(to)}: someone who signed in without a booking is recorded as fully or partially attended`,
  );
}
