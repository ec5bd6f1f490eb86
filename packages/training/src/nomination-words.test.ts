import { NOMINATION_STATES, type NominationState } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import {
  NOMINATION_ACTIONS,
  NOMINATION_STATE_LABELS,
  nominationActions,
  type NominationAction,
} from "./nomination-words";
import { canTransitionNomination } from "./nomination-transitions";
import { REFRESHER_STATUS_LABELS } from "./refresher-words";

describe("NOMINATION_STATE_LABELS", () => {
  test("has words for every state, in the states' order", () => {
    expect(Object.keys(NOMINATION_STATE_LABELS)).toEqual([...NOMINATION_STATES]);
    expect(NOMINATION_STATE_LABELS.waitlisted).toBe("Waiting list");
    expect(NOMINATION_STATE_LABELS.unable_to_attend).toBe("Unable to attend");
  });
});

describe("nominationActions", () => {
  test("offers the buttons each state allows", () => {
    const offered = Object.fromEntries(
      NOMINATION_STATES.map((state) => [state, nominationActions(state)]),
    );
    expect(offered).toEqual({
      nominated: ["approve", "book", "decline", "cancel"],
      approved: ["book", "decline", "cancel"],
      waitlisted: ["book", "cancel"],
      booked: ["cancel"],
      declined: [],
      cancelled: [],
      fully_attended: [],
      partially_attended: [],
      unable_to_attend: [],
      no_show: [],
    });
  });

  test("offers an action exactly when the state machine allows its move", () => {
    for (const state of NOMINATION_STATES) {
      for (const action of Object.keys(NOMINATION_ACTIONS) as NominationAction[]) {
        expect(nominationActions(state).includes(action)).toBe(
          canTransitionNomination(state, NOMINATION_ACTIONS[action].to),
        );
      }
    }
  });

  test("offers nothing for a state it does not know", () => {
    expect(nominationActions("attended" as NominationState)).toEqual([]);
  });
});

test("every refresher status has words", () => {
  expect(REFRESHER_STATUS_LABELS).toEqual({
    overdue: "Overdue",
    due_soon: "Due soon",
    current: "Current",
  });
});
