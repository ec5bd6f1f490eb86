import { NominationStateSchema, type NominationState } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  assertAttendanceUndo,
  assertNominationTransition,
  assertUnscheduledAttendance,
  canTransitionNomination,
  nominationTransitions,
} from "./nomination-transitions";
import { TrainingRuleError } from "./training-rule-error";

const states = NominationStateSchema.options;

function refusal(from: string, to: string): string {
  try {
    assertNominationTransition(from as NominationState, to as NominationState);
  } catch (error) {
    expect(error).toBeInstanceOf(TrainingRuleError);
    expect((error as TrainingRuleError).code).toBe("invalid_transition");
    return (error as TrainingRuleError).message;
  }
  throw new Error(`expected ${from} → ${to} to be refused`);
}

describe("nominationTransitions", () => {
  test("lists exactly the documented rules", () => {
    expect(nominationTransitions).toEqual({
      nominated: ["approved", "declined", "waitlisted", "booked", "cancelled"],
      approved: ["booked", "waitlisted", "declined", "cancelled"],
      waitlisted: ["booked", "cancelled"],
      booked: ["fully_attended", "partially_attended", "unable_to_attend", "no_show", "cancelled"],
      declined: [],
      cancelled: [],
      fully_attended: ["partially_attended", "unable_to_attend", "no_show"],
      partially_attended: ["fully_attended", "unable_to_attend", "no_show"],
      unable_to_attend: ["fully_attended", "partially_attended", "no_show"],
      no_show: ["fully_attended", "partially_attended", "unable_to_attend"],
    });
    expect(Object.keys(nominationTransitions).sort()).toEqual([...states].sort());
    expect(Object.isFrozen(nominationTransitions.no_show)).toBe(true);
  });

  test("no state may move back to nominated or to itself", () => {
    for (const state of states) {
      expect(nominationTransitions[state]).not.toContain("nominated");
      expect(nominationTransitions[state]).not.toContain(state);
    }
  });
});

describe("canTransitionNomination", () => {
  test("allows the documented moves", () => {
    expect(canTransitionNomination("nominated", "booked")).toBe(true);
    expect(canTransitionNomination("approved", "waitlisted")).toBe(true);
    expect(canTransitionNomination("waitlisted", "booked")).toBe(true);
    expect(canTransitionNomination("booked", "partially_attended")).toBe(true);
    expect(canTransitionNomination("no_show", "fully_attended")).toBe(true);
  });

  test("refuses final states, skipped bookings and unknown states", () => {
    expect(canTransitionNomination("cancelled", "booked")).toBe(false);
    expect(canTransitionNomination("declined", "approved")).toBe(false);
    expect(canTransitionNomination("approved", "fully_attended")).toBe(false);
    expect(canTransitionNomination("fully_attended", "cancelled")).toBe(false);
    expect(canTransitionNomination("attended" as NominationState, "booked")).toBe(false);
    expect(canTransitionNomination("constructor" as NominationState, "booked")).toBe(false);
  });

  test("agrees with assertNominationTransition for every pair", () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.constantFrom(...states), (from, to) => {
        if (canTransitionNomination(from, to)) {
          expect(() => assertNominationTransition(from, to)).not.toThrow();
        } else {
          expect(() => assertNominationTransition(from, to)).toThrow(TrainingRuleError);
        }
      }),
    );
  });
});

describe("assertNominationTransition", () => {
  test("passes allowed moves", () => {
    expect(() => assertNominationTransition("booked", "no_show")).not.toThrow();
  });

  test("refuses marking attendance for a cancelled or declined nomination", () => {
    expect(refusal("cancelled", "fully_attended")).toBe(
      "Cannot mark attendance for a cancelled nomination",
    );
    expect(refusal("declined", "no_show")).toBe("Cannot mark attendance for a declined nomination");
  });

  test("refuses marking attendance before a booking", () => {
    expect(refusal("nominated", "fully_attended")).toBe(
      "Cannot mark attendance for a nomination that is awaiting approval: it must be booked first",
    );
    expect(refusal("approved", "fully_attended")).toBe(
      "Cannot mark attendance for a nomination that is approved but not yet booked: it must be booked first",
    );
    expect(refusal("waitlisted", "no_show")).toBe(
      "Cannot mark attendance for a nomination that is on the waiting list: it must be booked first",
    );
  });

  test("explains that declined and cancelled are final", () => {
    expect(refusal("cancelled", "booked")).toBe(
      "Cannot move a cancelled nomination to booked: cancelled is final; nominate the member of staff again instead",
    );
  });

  test("explains that a marked outcome can only be corrected to another outcome", () => {
    expect(refusal("no_show", "cancelled")).toBe(
      "Cannot move a nomination from no_show to cancelled: attendance has been marked, so it can only be corrected to another attendance outcome",
    );
  });

  test("lists where a state may go instead", () => {
    expect(refusal("waitlisted", "declined")).toBe(
      "Cannot move a nomination from waitlisted to declined: from waitlisted it can only move to booked or cancelled",
    );
    expect(refusal("booked", "nominated")).toBe(
      "Cannot move a nomination from booked to nominated: from booked it can only move to fully_attended, partially_attended, unable_to_attend, no_show or cancelled",
    );
  });

  test("says when nothing would change", () => {
    expect(refusal("booked", "booked")).toBe("The nomination is already booked");
  });

  test("names a state it does not know", () => {
    const known =
      "nominated, approved, declined, waitlisted, booked, cancelled, fully_attended, partially_attended, unable_to_attend, no_show";
    expect(refusal("attended", "booked")).toBe(
      `Cannot move a nomination from attended to booked: "attended" is not a nomination state (${known})`,
    );
    expect(refusal("booked", "present")).toBe(
      `Cannot move a nomination from booked to present: "present" is not a nomination state (${known})`,
    );
  });
});

describe("assertAttendanceUndo", () => {
  test("an attendance mark goes back to booked or to the outcome before it", () => {
    expect(() => assertAttendanceUndo("no_show", "booked")).not.toThrow();
    expect(() => assertAttendanceUndo("fully_attended", "partially_attended")).not.toThrow();
    // Undoing an undo puts the mark back.
    expect(() => assertAttendanceUndo("booked", "no_show")).not.toThrow();
  });

  test("anything else is refused with the states named", () => {
    expect(() => assertAttendanceUndo("cancelled", "booked")).toThrow(
      "Cannot undo attendance from cancelled to booked: only an attendance mark can be undone",
    );
    expect(() => assertAttendanceUndo("no_show", "no_show")).toThrow(TrainingRuleError);
    expect(() => assertAttendanceUndo("no_show", "cancelled")).toThrow(TrainingRuleError);
    expect(() => assertAttendanceUndo("booked", "nominated")).toThrow(TrainingRuleError);
    expect(() => assertAttendanceUndo("booked", "booked")).toThrow(TrainingRuleError);
  });
});

describe("assertUnscheduledAttendance", () => {
  test("a new nomination goes straight to fully or partially attended", () => {
    expect(() => assertUnscheduledAttendance("nominated", "fully_attended")).not.toThrow();
    expect(() => assertUnscheduledAttendance("nominated", "partially_attended")).not.toThrow();
  });

  test("anything else is refused with the states named", () => {
    expect(() => assertUnscheduledAttendance("nominated", "no_show")).toThrow(
      "Cannot record an unscheduled attendee from nominated to no_show: someone who signed in without a booking is recorded as fully or partially attended",
    );
    expect(() => assertUnscheduledAttendance("waitlisted", "fully_attended")).toThrow(
      TrainingRuleError,
    );
    expect(() => assertUnscheduledAttendance("booked", "fully_attended")).toThrow(
      TrainingRuleError,
    );
  });
});
