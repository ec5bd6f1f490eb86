import { NominationStateSchema } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import {
  ENDED_STATES,
  hasEnded,
  holdsPlace,
  isAttendanceOutcome,
  isNominationState,
} from "./nomination-states";

describe("isAttendanceOutcome", () => {
  test("is true for exactly Totara's four attendance outcomes", () => {
    expect(NominationStateSchema.options.filter(isAttendanceOutcome)).toEqual([
      "fully_attended",
      "partially_attended",
      "unable_to_attend",
      "no_show",
    ]);
  });

  test("is false for booking states and anything else", () => {
    expect(isAttendanceOutcome("booked")).toBe(false);
    expect(isAttendanceOutcome("attended" as "booked")).toBe(false);
  });
});

describe("holdsPlace", () => {
  test("is true for booked and every attendance outcome, false otherwise", () => {
    expect(NominationStateSchema.options.filter(holdsPlace)).toEqual([
      "booked",
      "fully_attended",
      "partially_attended",
      "unable_to_attend",
      "no_show",
    ]);
    expect(holdsPlace("waitlisted")).toBe(false);
    expect(holdsPlace("cancelled")).toBe(false);
  });
});

describe("isNominationState", () => {
  test("accepts the ten states and refuses anything else", () => {
    expect(NominationStateSchema.options.every(isNominationState)).toBe(true);
    expect(isNominationState("attended")).toBe(false);
    expect(isNominationState(undefined)).toBe(false);
  });
});

describe("hasEnded", () => {
  test("declined and cancelled have ended; every other state is still in play", () => {
    const ended = NominationStateSchema.options.filter(hasEnded);
    expect(ended).toEqual(["declined", "cancelled"]);
    expect([...ENDED_STATES].sort()).toEqual([...ended].sort());
  });
});
