import {
  AttendanceOutcomeSchema,
  NominationStateSchema,
  type AttendanceOutcome,
  type NominationState,
} from "@dapkit/schemas";

/**
 * Says whether a nomination state is an attendance outcome (fully_attended, partially_attended,
 * unable_to_attend or no_show: Totara's words).
 *
 * @example
 * isAttendanceOutcome("no_show"); // true
 * isAttendanceOutcome("booked"); // false
 */
export function isAttendanceOutcome(state: NominationState): state is AttendanceOutcome {
  return AttendanceOutcomeSchema.safeParse(state).success;
}

/**
 * Says whether a nomination takes up a place on its session: booked, or with attendance marked.
 * Use it to count a session's places against its capacity.
 *
 * @example
 * holdsPlace("booked"); // true
 * holdsPlace("waitlisted"); // false
 */
export function holdsPlace(state: NominationState): boolean {
  return state === "booked" || isAttendanceOutcome(state);
}

/**
 * Says whether a value is one of the ten nomination states; internal (not in the public API), for
 * states arriving from outside TypeScript such as a database row or a CSV cell.
 *
 * @example
 * isNominationState("attended"); // false
 */
export function isNominationState(value: unknown): value is NominationState {
  return NominationStateSchema.safeParse(value).success;
}

/**
 * Says whether a nomination has ended without training: declined or cancelled. The person may be
 * nominated for the same session again; the ended nomination keeps its history.
 *
 * @example
 * hasEnded("cancelled"); // true
 * hasEnded("waitlisted"); // false
 */
export function hasEnded(state: NominationState): boolean {
  return state === "declined" || state === "cancelled";
}

/** The states in which a nomination has ended, for a query that must leave them out. */
export const ENDED_STATES = Object.freeze(["declined", "cancelled"] as const);
