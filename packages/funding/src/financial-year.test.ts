import * as fc from "fast-check";
import { londonWallClock } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import {
  financialYearOf,
  formatFinancialYear,
  parseFinancialYear,
  type FinancialYear,
} from "./financial-year";

const DATE_EXPECTED =
  "a Date, a calendar date written YYYY-MM-DD or as { year, month, day }, or a moment with its zone such as 2016-04-01T09:30:00+01:00";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

const fy2014: FinancialYear = {
  startYear: 2014,
  label: "2014/15",
  start: "2014-04-01",
  end: "2015-03-31",
};

describe("parseFinancialYear", () => {
  test.each(["2014/15", "2014-15", "2014/2015", "2014-2015", "2014\u201315", " 2014 / 15 "])(
    "reads %j as 2014/15",
    (label) => {
      expect(parseFinancialYear(label)).toEqual(fy2014);
    },
  );

  test("handles the turn of a century", () => {
    expect(parseFinancialYear("1999/00")).toEqual({
      startYear: 1999,
      label: "1999/00",
      start: "1999-04-01",
      end: "2000-03-31",
    });
    expect(parseFinancialYear("2099/2100").label).toBe("2099/00");
  });

  test.each([
    [
      "2014/16",
      '"2014/16" does not name two consecutive years: a financial year starting in 2014 ends in 2015 (2014/15)',
    ],
    ["2014/2016", '"2014/2016" does not name two consecutive years'],
    ["2015/14", '"2015/14" does not name two consecutive years'],
    ["2014", 'Cannot read "2014" as a financial year such as 2014/15, 2014-15 or 2014/2015'],
    ["abc", 'Cannot read "abc" as a financial year'],
    ["", 'Cannot read "" as a financial year'],
    ["2014/155", 'Cannot read "2014/155" as a financial year'],
    [
      "9999/00",
      '"9999/00" is outside the supported range (financial years from 1000/01 to 9998/99)',
    ],
    ["0999/00", '"0999/00" is outside the supported range'],
  ])("refuses %j", (label, message) => {
    const error = failure(() => parseFinancialYear(label));
    expect(error.code).toBe("invalid_financial_year");
    expect(error.message).toContain(message);
  });

  test("refuses a value that is not text", () => {
    expect(failure(() => parseFinancialYear(2014 as unknown as string)).message).toBe(
      "Cannot read 2014 as a financial year such as 2014/15, 2014-15 or 2014/2015",
    );
  });
});

describe("financialYearOf", () => {
  test("31 March belongs to the year ending then and 1 April starts the next", () => {
    expect(financialYearOf("2016-03-31").label).toBe("2015/16");
    expect(financialYearOf("2016-04-01").label).toBe("2016/17");
    expect(financialYearOf("2016-01-01").label).toBe("2015/16");
    expect(financialYearOf("2016-12-31").label).toBe("2016/17");
    expect(financialYearOf("2016-02-29").label).toBe("2015/16");
    expect(financialYearOf("2000-02-29").label).toBe("1999/00");
  });

  test("reads a Date as the date a clock in London shows", () => {
    // 23:30 UTC on 31 March 2016 is 00:30 on 1 April in London (summer time had begun).
    expect(financialYearOf(new Date(Date.UTC(2016, 2, 31, 23, 30))).label).toBe("2016/17");
    expect(financialYearOf(new Date(Date.UTC(2016, 2, 31, 22, 59))).label).toBe("2015/16");
    expect(financialYearOf(new Date("2016-04-01T00:30:00+01:00")).label).toBe("2016/17");
    expect(financialYearOf("2016-04-01T00:30:00+01:00").label).toBe("2016/17");
    // In winter London is on UTC: a minute before midnight on 31 March 2015 (no summer time yet).
    expect(financialYearOf(new Date(Date.UTC(2015, 2, 28, 23, 59))).label).toBe("2014/15");
  });

  test("takes a calendar date as written", () => {
    expect(financialYearOf({ year: 2016, month: 4, day: 1 }).label).toBe("2016/17");
    expect(financialYearOf({ year: 2016, month: 3, day: 31 }).label).toBe("2015/16");
    expect(failure(() => financialYearOf({ year: 2016, month: 2, day: 30 })).message).toBe(
      `financialYearOf's date is not a real date (got "2016-02-30"); it needs ${DATE_EXPECTED}`,
    );
    expect(
      failure(() => financialYearOf({ year: 2016, month: "4", day: 1 } as never)).message,
    ).toBe(
      `financialYearOf's date must be a date in the form YYYY-MM-DD (got an object); it needs ${DATE_EXPECTED}`,
    );
  });

  test("property: every date lies within the financial year it maps to", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1001-01-01T00:00:00Z"),
          max: new Date("9998-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const day = londonWallClock(date).date;
          const fy = financialYearOf(date);
          expect(fy).toEqual(financialYearOf(day));
          expect(fy.start <= day && day <= fy.end).toBe(true);
          expect(parseFinancialYear(fy.label)).toEqual(fy);
        },
      ),
    );
  });

  test.each([
    "2016-02-30",
    "2015-02-29",
    "1900-02-29",
    "2016-13-01",
    "2016-00-10",
    "2016-04-31",
    "2016-4-1",
    "01/04/2016",
    "2016-04-00",
  ])("refuses the date %j", (date) => {
    const error = failure(() => financialYearOf(date));
    expect(error.code).toBe("invalid_financial_year");
    expect(error.field).toBe("date");
    expect(error.message).toContain(`financialYearOf's date `);
    expect(error.message).toContain(`; it needs ${DATE_EXPECTED}`);
  });

  test("refuses an invalid Date, a non-date and a date outside the supported years", () => {
    expect(failure(() => financialYearOf(new Date("nonsense"))).message).toBe(
      `financialYearOf needs ${DATE_EXPECTED}; got an invalid Date`,
    );
    expect(failure(() => financialYearOf("2016-04-01T00:30:00")).message).toBe(
      `financialYearOf needs ${DATE_EXPECTED}; got "2016-04-01T00:30:00"`,
    );
    expect(failure(() => financialYearOf(20160401 as unknown as string)).message).toContain(
      "got 20160401",
    );
    expect(failure(() => financialYearOf("1000-03-31")).message).toBe(
      'The date "1000-03-31" is outside the supported range (financial years from 1000/01 to 9998/99)',
    );
    expect(failure(() => financialYearOf(new Date(Date.UTC(9999, 5, 1)))).message).toBe(
      'The date "9999-06-01T00:00:00.000Z" is outside the supported range (financial years from 1000/01 to 9998/99)',
    );
  });
});

describe("formatFinancialYear", () => {
  test("writes a year or any spelling of one with a slash or a dash", () => {
    expect(formatFinancialYear(fy2014)).toBe("2014/15");
    expect(formatFinancialYear(fy2014, { style: "dash" })).toBe("2014-15");
    expect(formatFinancialYear("2014/2015", { style: "dash" })).toBe("2014-15");
    expect(formatFinancialYear("2014-15", { style: "slash" })).toBe("2014/15");
    expect(formatFinancialYear(financialYearOf("2000-01-01"), { style: "dash" })).toBe("1999-00");
  });

  test("rebuilds the label from the start year rather than trusting it", () => {
    expect(formatFinancialYear({ ...fy2014, label: "nonsense" })).toBe("2014/15");
  });

  test("refuses things that are not financial years and unknown styles", () => {
    expect(failure(() => formatFinancialYear("2014/16")).code).toBe("invalid_financial_year");
    expect(
      failure(() => formatFinancialYear({ label: "2014/15" } as unknown as FinancialYear)).message,
    ).toBe("Expected a financial year or its label, got an object");
    expect(failure(() => formatFinancialYear(null as unknown as FinancialYear)).message).toBe(
      "Expected a financial year or its label, got null",
    );
    expect(failure(() => formatFinancialYear({ ...fy2014, startYear: 99999 })).message).toBe(
      "The financial year starting in 99999 is outside the supported range (financial years from 1000/01 to 9998/99)",
    );
    const style = failure(() => formatFinancialYear(fy2014, { style: "long" as "slash" }));
    expect(style.code).toBe("invalid_argument");
    expect(style.message).toBe(
      'formatFinancialYear\'s style must be "slash" or "dash", got "long"',
    );
  });
});
