import { describe, expect, test } from "vitest";

import { formatRate } from "./format-rate";
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
          `rate must be a finite fraction, 0 or more (got ${String(bad)})`,
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
