import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  addMonths,
  formatIsoDate,
  formatUkDate,
  readIsoDate,
  toDayNumber,
  type CalendarDate,
} from "./calendar-date";

function parseIsoDate(text: unknown, field: string): CalendarDate {
  const { date, problem } = readIsoDate(text, field);
  if (date == null) throw new Error(problem);
  return date;
}

function iso(text: string, months: number): string {
  return formatIsoDate(addMonths(parseIsoDate(text, "d"), months));
}

describe("parseIsoDate", () => {
  test("reads a real date", () => {
    expect(parseIsoDate("2024-02-29", "d")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  test("rejects text that is not an ISO date, naming the field", () => {
    expect(() => parseIsoDate("29/02/2024", "asOf")).toThrow(
      'asOf must be a date in the form YYYY-MM-DD (got "29/02/2024")',
    );
    expect(() => parseIsoDate(Object.create(null), "asOf")).toThrow("(got an object)");
    expect(() => parseIsoDate(20240229, "asOf")).toThrow("(got 20240229)");
    expect(() => parseIsoDate(undefined, "asOf")).toThrow(
      "asOf must be a date in the form YYYY-MM-DD (got nothing)",
    );
    expect(() => parseIsoDate("2024-02-29T00:00:00Z", "asOf")).toThrow("asOf must be a date");
  });

  test("rejects dates that do not exist", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00"]) {
      expect(() => parseIsoDate(bad, "completedOn")).toThrow(
        `completedOn is not a real date (got "${bad}")`,
      );
    }
  });

  test("knows the length of every month, in leap and common years", () => {
    for (const year of [2023, 2024, 1900, 2000]) {
      for (let month = 1; month <= 12; month += 1) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const mm = String(month).padStart(2, "0");
        expect(() => parseIsoDate(`${String(year)}-${mm}-${String(last)}`, "d")).not.toThrow();
        expect(() => parseIsoDate(`${String(year)}-${mm}-${String(last + 1)}`, "d")).toThrow(
          "d is not a real date",
        );
      }
    }
  });
});

describe("toDayNumber and formatIsoDate", () => {
  test("agree with Date.UTC for any date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const text = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const date = parseIsoDate(text, "d");
        expect(toDayNumber(date)).toBe(day);
        expect(formatIsoDate(date)).toBe(text);
      }),
    );
  });

  test("pads small years", () => {
    expect(formatIsoDate({ year: 33, month: 1, day: 2 })).toBe("0033-01-02");
  });
});

describe("addMonths", () => {
  test("clamps to the end of a shorter month", () => {
    expect(iso("2023-01-31", 1)).toBe("2023-02-28");
    expect(iso("2024-01-31", 1)).toBe("2024-02-29");
    expect(iso("2024-03-31", 1)).toBe("2024-04-30");
    expect(iso("2024-02-29", 12)).toBe("2025-02-28");
    expect(iso("2024-02-29", 48)).toBe("2028-02-29");
  });

  test("carries across year ends and keeps the day when it fits", () => {
    expect(iso("2022-11-15", 3)).toBe("2023-02-15");
    expect(iso("2022-12-31", 36)).toBe("2025-12-31");
    expect(iso("2022-05-10", 120)).toBe("2032-05-10");
  });

  test("agrees with Date's month arithmetic wherever no clamping is needed", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1900, max: 2100 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
        ),
        fc.integer({ min: 0, max: 240 }),
        ([year, month, day], months) => {
          const expected = new Date(Date.UTC(year, month - 1 + months, day));
          expect(formatIsoDate(addMonths({ year, month, day }, months))).toBe(
            expected.toISOString().slice(0, 10),
          );
        },
      ),
    );
  });
});

describe("formatUkDate", () => {
  test("writes dates as GOV.UK services show them", () => {
    expect(formatUkDate("2016-04-01")).toBe("1 April 2016");
    expect(formatUkDate("2025-12-31")).toBe("31 December 2025");
    expect(formatUkDate("2023-02-29")).toBe("2023-02-29");
  });
});
