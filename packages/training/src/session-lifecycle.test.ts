import { SESSION_STATUSES } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import {
  assertSessionAllows,
  closingProblem,
  SESSION_STATUS_ACTIONS,
  SESSION_STATUS_LABELS,
  sessionAllows,
  sessionRefusal,
  sessionStatus,
  type SessionFacts,
} from "./session-lifecycle";
import { TrainingRuleError } from "./training-rule-error";

// 9:30am on 1 April 2027 in London (British Summer Time).
const session: SessionFacts = {
  startsAt: "2027-04-01T08:30:00.000Z",
  capacity: 2,
  booked: 1,
  closedAt: null,
  cancelledAt: null,
};
const before = new Date("2027-03-31T12:00:00.000Z");
const atStart = new Date("2027-04-01T08:30:00.000Z");

describe("sessionStatus", () => {
  test("open with places free, full when every place is taken, held from the minute it starts", () => {
    expect(sessionStatus(session, before)).toBe("open");
    expect(sessionStatus({ ...session, booked: 2 }, before)).toBe("full");
    expect(sessionStatus(session, new Date(atStart.getTime() - 1))).toBe("open");
    expect(sessionStatus(session, atStart)).toBe("held");
    expect(sessionStatus({ ...session, booked: 2 }, atStart)).toBe("held");
  });

  test("closing and cancelling are recorded and win over the clock", () => {
    const closedAt = "2027-04-02T10:00:00.000Z";
    expect(sessionStatus({ ...session, closedAt }, atStart)).toBe("closed");
    expect(sessionStatus({ ...session, cancelledAt: closedAt }, before)).toBe("cancelled");
    expect(sessionStatus({ ...session, cancelledAt: closedAt, closedAt }, atStart)).toBe(
      "cancelled",
    );
  });

  test("every status has words and a list of actions", () => {
    for (const status of SESSION_STATUSES) {
      expect(SESSION_STATUS_LABELS[status]).toMatch(/^[A-Z][a-z]+$/);
      expect(Array.isArray(SESSION_STATUS_ACTIONS[status])).toBe(true);
    }
  });
});

describe("sessionAllows", () => {
  test("nominations, bookings, moves and cancelling only before the start", () => {
    for (const action of ["nominate", "book", "move", "cancel"] as const) {
      expect(sessionAllows("open", action)).toBe(true);
      expect(sessionAllows("full", action)).toBe(true);
      expect(sessionAllows("held", action)).toBe(false);
      expect(sessionAllows("closed", action)).toBe(false);
      expect(sessionAllows("cancelled", action)).toBe(false);
    }
  });

  test("attendance from the start until closing; corrections only once closed", () => {
    expect(sessionAllows("open", "markAttendance")).toBe(false);
    expect(sessionAllows("held", "markAttendance")).toBe(true);
    expect(sessionAllows("held", "undoAttendance")).toBe(true);
    expect(sessionAllows("held", "close")).toBe(true);
    expect(sessionAllows("closed", "markAttendance")).toBe(false);
    expect(sessionAllows("closed", "correctAttendance")).toBe(true);
    expect(sessionAllows("held", "correctAttendance")).toBe(false);
    expect(sessionAllows("cancelled", "markAttendance")).toBe(false);
  });

  test("an unknown status allows nothing rather than throwing", () => {
    expect(sessionAllows("postponed" as "open", "nominate")).toBe(false);
  });
});

describe("sessionRefusal", () => {
  test("attendance before the start names the start in UK time", () => {
    expect(sessionRefusal(session, "markAttendance", before)).toBe(
      "Attendance can be recorded from 9:30am on 1 April 2027, when the session starts",
    );
    // A winter session: Greenwich Mean Time, so the UTC hour is the London hour.
    const winter = { ...session, startsAt: "2028-01-12T14:00:00.000Z" };
    expect(sessionRefusal(winter, "markAttendance", before)).toBe(
      "Attendance can be recorded from 2pm on 12 January 2028, when the session starts",
    );
  });

  test("nominating, booking, moving or cancelling a started session names its start", () => {
    expect(sessionRefusal(session, "nominate", atStart)).toBe(
      "This session started at 9:30am on 1 April 2027, so nobody can be nominated for it",
    );
    expect(sessionRefusal(session, "book", atStart)).toBe(
      "This session started at 9:30am on 1 April 2027, so nobody can be booked onto it",
    );
    expect(sessionRefusal(session, "move", atStart)).toBe(
      "This session started at 9:30am on 1 April 2027, so it cannot be moved",
    );
    expect(sessionRefusal(session, "cancel", atStart)).toBe(
      "This session started at 9:30am on 1 April 2027, so it cannot be cancelled",
    );
  });

  test("closing before the start, closing twice and marking once closed", () => {
    expect(sessionRefusal(session, "close", before)).toBe(
      "This session can be closed once it starts at 9:30am on 1 April 2027",
    );
    const closed = { ...session, closedAt: "2027-04-03T09:00:00.000Z" };
    expect(sessionRefusal(closed, "close", atStart)).toBe(
      "This session was already closed on 3 April 2027",
    );
    expect(sessionRefusal(closed, "markAttendance", atStart)).toBe(
      "This session was closed on 3 April 2027: HR can correct its attendance, giving a reason",
    );
    expect(sessionRefusal(closed, "nominate", atStart)).toBe(
      "This session was closed on 3 April 2027, so nobody can be nominated for it",
    );
    expect(sessionRefusal(session, "correctAttendance", atStart)).toBe(
      "This session is not closed: record attendance instead",
    );
  });

  test("a cancelled session refuses everything, saying when it was cancelled", () => {
    const cancelled = { ...session, cancelledAt: "2027-03-20T09:00:00.000Z" };
    expect(sessionRefusal(cancelled, "book", before)).toBe(
      "This session was cancelled on 20 March 2027, so nobody can be booked onto it",
    );
    expect(sessionRefusal(cancelled, "cancel", before)).toBe(
      "This session was cancelled on 20 March 2027, so it cannot be cancelled",
    );
  });

  test("null when allowed", () => {
    expect(sessionRefusal(session, "nominate", before)).toBeNull();
    expect(sessionRefusal(session, "markAttendance", atStart)).toBeNull();
  });
});

describe("assertSessionAllows", () => {
  test("returns the status when allowed and throws a TrainingRuleError when not", () => {
    expect(assertSessionAllows(session, "close", atStart)).toBe("held");
    expect(() => assertSessionAllows(session, "close", before)).toThrow(TrainingRuleError);
    try {
      assertSessionAllows(session, "markAttendance", before);
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_transition" });
    }
    expect.assertions(3);
  });
});

describe("closingProblem", () => {
  test("counts the bookings without an outcome", () => {
    expect(closingProblem(0)).toBeNull();
    expect(closingProblem(1)).toBe(
      "1 booking has no attendance outcome: record one for each before closing",
    );
    expect(closingProblem(1200)).toBe(
      "1,200 bookings have no attendance outcome: record one for each before closing",
    );
  });
});

describe("inputs from JavaScript callers", () => {
  const now = new Date("2027-03-01T00:00:00Z");

  test("a session that is not one is refused, naming the field", () => {
    expect(() => sessionStatus(null as never, now)).toThrow("session must be an object");
    expect(() => sessionStatus({ ...session, startsAt: "1 April" }, now)).toThrow(
      "session.startsAt must be a date and time",
    );
    expect(() => sessionStatus({ ...session, capacity: -1 }, now)).toThrow(
      "session.capacity must be a whole number, 0 or more",
    );
    expect(() => sessionStatus({ ...session, booked: 1.5 }, now)).toThrow("session.booked");
    expect(() => sessionStatus({ ...session, closedAt: "yesterday" }, now)).toThrow(
      "session.closedAt must be a date and time",
    );
    expect(() => sessionStatus(session, new Date(Number.NaN))).toThrow(TrainingRuleError);
  });

  test("an action or count that is not one is refused; an unknown status allows nothing", () => {
    expect(() => sessionRefusal(session, "teleport" as never, now)).toThrow(
      "action must be one of nominate, book",
    );
    expect(() => closingProblem(-1)).toThrow("withoutOutcome must be a whole number, 0 or more");
    expect(sessionAllows({} as never, "nominate")).toBe(false);
    expect(sessionAllows("postponed" as never, "nominate")).toBe(false);
  });
});
