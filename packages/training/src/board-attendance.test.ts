import { describe, expect, test } from "vitest";

import { attendanceFigures, attendanceRate, type AttendanceRecord } from "./board-attendance";
import { TrainingRuleError } from "./training-rule-error";

const BOOKED: AttendanceRecord = {
  state: "booked",
  held: true,
  unscheduled: false,
  substitute: false,
  replaced: false,
  lateCancellation: false,
};

describe("attendanceRate", () => {
  test("is attended ÷ bookings", () => {
    expect(attendanceRate(304, 318)).toBeCloseTo(0.956, 3);
    expect(attendanceRate(0, 4)).toBe(0);
  });

  test("is no rate when nothing was booked", () => {
    expect(attendanceRate(2, 0)).toBeNull();
  });

  test.each([
    [-1, 2],
    [1.5, 2],
    [1, Number.NaN],
    [1, "2"],
  ])("refuses counts %s and %s", (attended, bookings) => {
    expect(() => attendanceRate(attended, bookings as number)).toThrow(TrainingRuleError);
  });
});

describe("attendanceFigures", () => {
  test("counts one programme's quarter the way the board reads it", () => {
    const records: AttendanceRecord[] = [
      ...Array.from({ length: 6 }, () => ({ ...BOOKED, state: "fully_attended" as const })),
      { ...BOOKED, state: "partially_attended" },
      { ...BOOKED, state: "no_show" },
      { ...BOOKED, state: "unable_to_attend" },
      { ...BOOKED, state: "cancelled", lateCancellation: true },
      { ...BOOKED, state: "cancelled" },
      // Nominations that never held a place are no bookings.
      { ...BOOKED, state: "cancelled", held: false },
      { ...BOOKED, state: "declined", held: false },
      { ...BOOKED, state: "waitlisted", held: false },
      { ...BOOKED, state: "nominated", held: false },
      { ...BOOKED, state: "approved", held: false },
      // A booking handed to a substitute counts once, as the substitute's.
      { ...BOOKED, state: "cancelled", replaced: true },
      { ...BOOKED, state: "fully_attended", substitute: true },
      // Walk-ins attend without a booking.
      { ...BOOKED, state: "fully_attended", unscheduled: true },
      { ...BOOKED, state: "fully_attended", unscheduled: true },
    ];
    expect(attendanceFigures(records)).toEqual({
      bookings: 12,
      attended: 10,
      cancelled: 2,
      lateCancellations: 1,
      noShows: 1,
      substitutes: 1,
      unscheduled: 2,
      attendanceRate: 10 / 12,
    });
  });

  test("a booking still to come counts as booked and the rate stays attended ÷ bookings", () => {
    const figures = attendanceFigures([BOOKED, { ...BOOKED, state: "fully_attended" }]);
    expect(figures).toMatchObject({ bookings: 2, attended: 1, attendanceRate: 0.5 });
  });

  test("a walk-in who is not marked attended is not counted", () => {
    const figures = attendanceFigures([{ ...BOOKED, unscheduled: true }]);
    expect(figures).toMatchObject({ bookings: 0, unscheduled: 0, attendanceRate: null });
  });

  test("nothing gives zeros and no rate", () => {
    expect(attendanceFigures([])).toMatchObject({ bookings: 0, attended: 0, attendanceRate: null });
  });

  test("refuses what is not a list of records, naming the record and field", () => {
    expect(() => attendanceFigures("x" as never)).toThrow(/records must be a list/);
    expect(() => attendanceFigures([null as never])).toThrow(/records\[0\] must be an object/);
    expect(() => attendanceFigures([{ ...BOOKED, state: "gone" as never }])).toThrow(
      /records\[0\]\.state "gone" is not a nomination state/,
    );
    expect(() => attendanceFigures([BOOKED, { ...BOOKED, replaced: "yes" as never }])).toThrow(
      /records\[1\]\.replaced must be true or false/,
    );
  });
});
