import fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  formatDate,
  formatDateTime,
  formatTime,
  LondonTimeError,
  londonInstant,
  londonToday,
  londonWallClock,
  parseClockTime,
} from "./london-time";

const HOUR = 3_600_000;

function refusal(run: () => unknown): LondonTimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof LondonTimeError) return error;
    throw error;
  }
  throw new Error("expected a LondonTimeError");
}

describe("londonInstant and londonWallClock", () => {
  test("read winter times as GMT and summer times as BST", () => {
    expect(londonInstant("2026-01-15", "09:30")).toBe("2026-01-15T09:30:00Z");
    expect(londonInstant("2026-06-15", "09:30")).toBe("2026-06-15T08:30:00Z");
    expect(londonWallClock("2026-06-15T08:30:00Z")).toEqual({ date: "2026-06-15", time: "09:30" });
    expect(londonWallClock("2026-01-15T23:30:00Z")).toEqual({ date: "2026-01-15", time: "23:30" });
    expect(londonWallClock(new Date("2026-06-30T23:30:00Z"))).toEqual({
      date: "2026-07-01",
      time: "00:30",
    });
  });

  test("refuse a time the clocks skip in March, saying why, rather than moving it", () => {
    const error = refusal(() => londonInstant("2026-03-29", "01:30"));
    expect(error.code).toBe("time_does_not_exist");
    expect(error.message).toBe(
      "1:30am on 29 March 2026 does not exist in London: the clocks go forward an hour that night, so choose a time before or after the change",
    );
    expect(refusal(() => londonInstant("2026-03-29", "01:00")).code).toBe("time_does_not_exist");
    // Either side of the gap is fine.
    expect(londonInstant("2026-03-29", "00:59")).toBe("2026-03-29T00:59:00Z");
    expect(londonInstant("2026-03-29", "02:00")).toBe("2026-03-29T01:00:00Z");
  });

  test("take the first (BST) occurrence of a time that happens twice in October", () => {
    expect(londonInstant("2026-10-25", "01:30")).toBe("2026-10-25T00:30:00Z");
    // Both instants read 1:30am in London; the rule picks the earlier.
    expect(londonWallClock("2026-10-25T00:30:00Z").time).toBe("01:30");
    expect(londonWallClock("2026-10-25T01:30:00Z").time).toBe("01:30");
    expect(londonInstant("2026-10-25", "00:59")).toBe("2026-10-24T23:59:00Z");
    expect(londonInstant("2026-10-25", "02:00")).toBe("2026-10-25T02:00:00Z");
  });

  test("refuse a date or time in another form, naming it", () => {
    expect(refusal(() => londonInstant("29/03/2026", "09:00")).message).toBe(
      'date must be a date in the form YYYY-MM-DD (got "29/03/2026")',
    );
    expect(refusal(() => londonInstant("2026-02-29", "09:00")).code).toBe("invalid_date");
    expect(refusal(() => londonInstant("2026-03-29", "9:30am")).message).toBe(
      'time must be a 24-hour time in the form HH:MM (got "9:30am")',
    );
    expect(refusal(() => londonInstant("2026-03-29", "24:00")).code).toBe("invalid_time");
    expect(refusal(() => londonInstant("2026-03-29", 930 as unknown as string)).code).toBe(
      "invalid_time",
    );
  });

  test("refuse an instant without a zone, an invalid Date, or something else", () => {
    expect(refusal(() => londonWallClock("2026-06-15T08:30:00")).message).toBe(
      'instant must be a moment in time such as 2026-06-15T08:30:00Z (got "2026-06-15T08:30:00")',
    );
    expect(refusal(() => londonWallClock(new Date(Number.NaN))).message).toContain(
      "got an invalid Date",
    );
    expect(refusal(() => londonWallClock(5 as unknown as string)).code).toBe("invalid_instant");
    expect(londonWallClock("2026-06-15T09:30:00+01:00").time).toBe("09:30");
  });

  test("every instant, to the minute, reads back as itself, except the second of a repeated hour", () => {
    const start = Date.UTC(1996, 0, 1);
    const end = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start / 60_000, max: end / 60_000 }), (minutes) => {
        const ms = minutes * 60_000;
        const { date, time } = londonWallClock(new Date(ms));
        const back = Date.parse(londonInstant(date, time));
        // The only instants that read back differently are the second pass through a repeated
        // hour, and they read back exactly one hour earlier, as the stated rule says.
        if (back !== ms) {
          expect(back).toBe(ms - HOUR);
          expect(londonWallClock(new Date(back))).toEqual({ date, time });
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("every wall-clock time either round-trips or is refused as inside the March gap", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1996-01-01T00:00:00Z"),
          max: new Date("2040-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (day, hour, minute) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          try {
            expect(londonWallClock(londonInstant(date, time))).toEqual({ date, time });
          } catch (error) {
            if (!(error instanceof LondonTimeError)) throw error;
            expect(error.code).toBe("time_does_not_exist");
            // The gap is 1am–2am on the last Sunday in March.
            expect(hour).toBe(1);
            expect(day.getUTCMonth()).toBe(2);
            expect(day.getUTCDay()).toBe(0);
            expect(day.getUTCDate()).toBeGreaterThan(24);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("londonToday", () => {
  test("is London's calendar date, a day ahead of UTC just after midnight in summer", () => {
    expect(londonToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonToday(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("formatDate, formatTime and formatDateTime", () => {
  test("write dates as GOV.UK does, an instant by its London day", () => {
    expect(formatDate("2016-04-01")).toBe("1 April 2016");
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"))).toBe("31 December 2026");
    expect(refusal(() => formatDate("2023-02-29")).message).toBe(
      'date is not a real date (got "2023-02-29")',
    );
    expect(refusal(() => formatDate("someday")).code).toBe("invalid_instant");
  });

  test("write a summer and a winter time in London's 12-hour clock", () => {
    expect(formatTime("2026-06-01T08:30:00Z")).toBe("9:30am");
    expect(formatTime("2026-01-01T09:30:00Z")).toBe("9:30am");
    expect(formatTime("2026-01-01T12:00:00Z")).toBe("12pm");
    expect(formatTime("2026-01-01T00:00:00Z")).toBe("12am");
    expect(formatTime("2026-07-01T13:05:00Z")).toBe("2:05pm");
    expect(formatDateTime("2026-01-05T14:05:00Z")).toBe("5 January 2026 at 2:05pm");
    expect(formatDateTime("2026-06-30T23:30:00Z")).toBe("1 July 2026 at 12:30am");
  });
});

describe("parseClockTime", () => {
  test.each([
    ["9:30", "09:30"],
    ["09:30", "09:30"],
    ["9.30am", "09:30"],
    ["2pm", "14:00"],
    ["12pm", "12:00"],
    ["12am", "00:00"],
    [" 14:00 ", "14:00"],
  ])("reads %s as %s", (text, expected) => {
    expect(parseClockTime(text)).toBe(expected);
  });

  test.each(["", "9", "13pm", "0am", "24:00", "9:60", "half nine"])("refuses %o", (text) => {
    expect(parseClockTime(text)).toBeNull();
  });
});
