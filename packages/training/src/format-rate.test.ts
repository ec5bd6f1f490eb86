import { describe, expect, test } from "vitest";

import { formatRate, ratePercent } from "./format-rate";
import { TrainingRuleError } from "./training-rule-error";

describe("formatRate", () => {
  test("Oxford: 56 of 90 nominated staff attended, 62.2%", () => {
    expect(formatRate(56 / 90)).toBe("62.2%");
  });

  test("honours decimals", () => {
    expect(formatRate(56 / 90, { decimals: 0 })).toBe("62%");
    expect(formatRate(56 / 90, { decimals: 3 })).toBe("62.222%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(127 / 165)).toBe("77.0%");
  });

  test("201 of 400 is 50.3%: the half rounds up although 0.5025 is stored just below it", () => {
    expect(formatRate(201 / 400)).toBe("50.3%");
    expect(ratePercent(201 / 400)).toBe(50.3);
  });

  test("ratePercent gives the same rounded figure as a number, for spreadsheets", () => {
    expect(ratePercent(56 / 90)).toBe(62.2);
    expect(ratePercent(56 / 90, { decimals: 0 })).toBe(62);
    expect(ratePercent(1.005, { decimals: 0 })).toBe(101);
    expect(() => ratePercent(-1)).toThrow("rate must be a finite fraction, 0 or more (got -1)");
  });

  test("rounds halves up, despite binary fractions", () => {
    expect(formatRate(0.0125)).toBe("1.3%");
    expect(formatRate(1.005, { decimals: 0 })).toBe("101%");
    expect(formatRate(0.00005, { decimals: 2 })).toBe("0.01%");
    expect(formatRate(0.625, { decimals: 0 })).toBe("63%");
  });

  test("rejects rates that cannot be a proportion", () => {
    for (const bad of [-0.1, Number.NaN, Infinity, "0.5"]) {
      expect(() => formatRate(bad as number)).toThrow(
        new TrainingRuleError(
          "invalid_input",
          `rate must be a finite fraction, 0 or more (got ${typeof bad === "string" ? `"${bad}"` : String(bad)})`,
        ),
      );
    }
  });

  test("rejects a decimals it cannot honour", () => {
    for (const bad of [-1, 1.5, 7]) {
      expect(() => formatRate(0.5, { decimals: bad })).toThrow(
        `decimals must be a whole number from 0 to 6 (got ${String(bad)})`,
      );
    }
  });
});
