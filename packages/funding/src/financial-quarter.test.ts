import { describe, expect, test } from "vitest";

import { FundingInputError } from "./errors";
import { financialQuarter } from "./financial-quarter";
import { parseFinancialYear } from "./financial-year";

describe("financialQuarter", () => {
  test.each([
    { quarter: 1, start: "2026-04-01", end: "2026-06-30", dates: "1 April to 30 June 2026" },
    { quarter: 2, start: "2026-07-01", end: "2026-09-30", dates: "1 July to 30 September 2026" },
    { quarter: 3, start: "2026-10-01", end: "2026-12-31", dates: "1 October to 31 December 2026" },
    { quarter: 4, start: "2027-01-01", end: "2027-03-31", dates: "1 January to 31 March 2027" },
  ] as const)("quarter $quarter of 2026/27 runs $start to $end", (expected) => {
    const result = financialQuarter("2026/27", expected.quarter);
    expect(result).toMatchObject({ ...expected, label: `Q${String(expected.quarter)} 2026/27` });
    expect(result.financialYear.label).toBe("2026/27");
  });

  test("takes a financial year itself or any spelling of its label", () => {
    expect(financialQuarter(parseFinancialYear("2027/28"), 4).end).toBe("2028-03-31");
    expect(financialQuarter("2026-27", 2).label).toBe("Q2 2026/27");
  });

  test("refuses a quarter other than 1 to 4, naming the field", () => {
    for (const quarter of [0, 5, 1.5, "1", null]) {
      expect(() => financialQuarter("2026/27", quarter as never)).toThrow(
        expect.objectContaining({ name: "FundingInputError", field: "quarter" }),
      );
    }
  });

  test("refuses a year it cannot read", () => {
    expect(() => financialQuarter("2026", 1)).toThrow(FundingInputError);
    expect(() => financialQuarter({ startYear: "x" } as never, 1)).toThrow(FundingInputError);
  });
});
