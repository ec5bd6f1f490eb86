import { describe, expect, test } from "vitest";

import { FundingInputError } from "./errors";
import { financialQuarter } from "./financial-quarter";
import { parseFinancialYear } from "./financial-year";

describe("financialQuarter", () => {
  test.each([
    [1, "2026-04-01", "2026-06-30", "1 April to 30 June 2026"],
    [2, "2026-07-01", "2026-09-30", "1 July to 30 September 2026"],
    [3, "2026-10-01", "2026-12-31", "1 October to 31 December 2026"],
    [4, "2027-01-01", "2027-03-31", "1 January to 31 March 2027"],
  ] as const)("quarter %i of 2026/27 runs %s to %s", (quarter, start, end, dates) => {
    const result = financialQuarter("2026/27", quarter);
    expect(result).toMatchObject({
      quarter,
      start,
      end,
      dates,
      label: `Q${String(quarter)} 2026/27`,
    });
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
