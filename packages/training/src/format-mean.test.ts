import { describe, expect, test } from "vitest";

import { formatMean } from "./format-mean";
import { TrainingRuleError } from "./training-rule-error";

describe("formatMean", () => {
  test("17 ratings totalling 58 average 3.4; halves round up", () => {
    expect(formatMean(58, 17)).toBe("3.4");
    expect(formatMean(7, 2)).toBe("3.5");
    expect(formatMean(1, 8, { decimals: 2 })).toBe("0.13");
    expect(formatMean(5, 1, { decimals: 0 })).toBe("5");
    expect(formatMean(0, 3)).toBe("0.0");
  });

  test("a change has its sign: up, down, and none", () => {
    // 3.4 before (17 of 5) and 4.0 after (8 of 2): 17 × 2 − 8 × 5 over 10 is −0.6.
    expect(formatMean(8 * 5 - 17 * 2, 10, { signed: true })).toBe("+0.6");
    expect(formatMean(17 * 2 - 8 * 5, 10, { signed: true })).toBe("-0.6");
    expect(formatMean(0, 10, { signed: true })).toBe("0.0");
    // Rounds to nothing: no sign on 0.0 either way.
    expect(formatMean(1, 100, { signed: true })).toBe("0.0");
    expect(formatMean(-1, 100, { signed: true })).toBe("0.0");
    expect(formatMean(-1, 20, { signed: true })).toBe("-0.1");
  });

  test("refuses what cannot be a mean of whole numbers, naming it", () => {
    const cases: [unknown, unknown, string][] = [
      [-1, 2, "total must be a whole number, 0 or more (got -1)"],
      [1.5, 2, "total must be a whole number, 0 or more (got 1.5)"],
      ["3", 2, 'total must be a whole number, 0 or more (got "3")'],
      [3, 0, "count must be a whole number, 1 or more (got 0)"],
      [3, Number.NaN, "count must be a whole number, 1 or more (got NaN)"],
    ];
    for (const [total, count, message] of cases) {
      expect(() => formatMean(total as number, count as number)).toThrow(
        new TrainingRuleError("invalid_input", message),
      );
    }
    expect(() => formatMean(3, 2, { decimals: 9 })).toThrow(TrainingRuleError);
    expect(() => formatMean(3, 2, null as never)).toThrow("options must be an object (got null)");
  });
});
