import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import { parseIsoDate } from "./calendar-date";
import { DahaRuleError } from "./daha-rule-error";

describe("parseIsoDate", () => {
  test("counts days from 1970-01-01, across leap days and centuries", () => {
    expect(parseIsoDate("1970-01-01", "asOf")).toBe(0);
    expect(parseIsoDate("2024-03-01", "asOf") - parseIsoDate("2024-02-28", "asOf")).toBe(2);
    expect(parseIsoDate("2023-03-01", "asOf") - parseIsoDate("2023-02-28", "asOf")).toBe(1);
    expect(parseIsoDate("2000-03-01", "asOf") - parseIsoDate("2000-02-28", "asOf")).toBe(2);
    expect(parseIsoDate("1900-03-01", "asOf") - parseIsoDate("1900-02-28", "asOf")).toBe(1);
    expect(parseIsoDate("0001-01-01", "asOf")).toBe(-719162);
  });

  test("rejects text that is not an ISO date, naming the field", () => {
    for (const bad of ["01/04/2016", "2016-4-1", "", " 2016-04-01", 20160401, null, undefined]) {
      expect(() => parseIsoDate(bad, "asOf")).toThrow(DahaRuleError);
    }
    expect(() => parseIsoDate("01/04/2016", "asOf")).toThrow(
      'asOf must be a date in the form YYYY-MM-DD (got "01/04/2016")',
    );
    expect(() => parseIsoDate(undefined, "asOf")).toThrow(
      "asOf must be a date in the form YYYY-MM-DD (got nothing)",
    );
  });

  test("rejects dates that do not exist", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00"]) {
      expect(() => parseIsoDate(bad, "expiryDate")).toThrow(
        `expiryDate is not a real date (got "${bad}")`,
      );
    }
    expect(parseIsoDate("2024-02-29", "expiryDate")).toBeTypeOf("number");
  });
});

describe("parseIsoDate against the platform calendar", () => {
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

  test("agrees with Date.UTC on day numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(parseIsoDate(iso, "d")).toBe(day);
      }),
    );
  });
});
