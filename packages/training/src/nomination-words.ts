import type { NominationState } from "@dapkit/schemas";

import { nominationTransitions } from "./nomination-transitions";

/**
 * Each nomination state in words (Totara's words for attendance), in the order of the states.
 *
 * @example
 * NOMINATION_STATE_LABELS.no_show; // "No show"
 */
export const NOMINATION_STATE_LABELS: Readonly<Record<NominationState, string>> = Object.freeze({
  nominated: "Nominated",
  approved: "Approved",
  declined: "Declined",
  waitlisted: "Waiting list",
  booked: "Booked",
  cancelled: "Cancelled",
  fully_attended: "Fully attended",
  partially_attended: "Partially attended",
  unable_to_attend: "Unable to attend",
  no_show: "No show",
});

/**
 * Something a person can do to a nomination from a button: each moves it to one state.
 *
 * @example
 * const action: NominationAction = "book";
 */
export type NominationAction = "approve" | "book" | "decline" | "cancel";

/**
 * Each action: the state it moves a nomination to, the button's words, and the past tense a
 * confirmation uses ("Sam Jones booked"). Listed in the order buttons show them.
 *
 * @example
 * NOMINATION_ACTIONS.book; // { to: "booked", label: "Book", done: "booked" }
 */
export const NOMINATION_ACTIONS: Readonly<
  Record<
    NominationAction,
    { readonly to: NominationState; readonly label: string; readonly done: string }
  >
> = Object.freeze({
  approve: Object.freeze({ to: "approved", label: "Approve", done: "approved" }),
  book: Object.freeze({ to: "booked", label: "Book", done: "booked" }),
  decline: Object.freeze({ to: "declined", label: "Decline", done: "declined" }),
  cancel: Object.freeze({ to: "cancelled", label: "Cancel", done: "cancelled" }),
});

const ACTION_ORDER = Object.keys(NOMINATION_ACTIONS) as NominationAction[];

/**
 * The actions the state machine allows from a state, in button order: an action is offered only
 * when {@link nominationTransitions} lets the nomination move to its state. Who may take each
 * action is the app's permission rule, not this one.
 *
 * @example
 * nominationActions("nominated"); // ["approve", "book", "decline", "cancel"]
 * nominationActions("booked"); // ["cancel"] (attendance is marked, not a button)
 * nominationActions("declined"); // []
 */
export function nominationActions(state: NominationState): NominationAction[] {
  // Checked as an own key, so junk from an untyped caller gets no actions rather than a TypeError.
  if (typeof state !== "string" || !Object.hasOwn(nominationTransitions, state)) return [];
  const next: readonly NominationState[] = nominationTransitions[state];
  return ACTION_ORDER.filter((action) => next.includes(NOMINATION_ACTIONS[action].to));
}
