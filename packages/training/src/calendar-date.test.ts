import { describe, expect, test } from "vitest";

import { parseIsoDate } from "./calendar-date";
import { TrainingRuleError } from "./training-rule-error";

describe("parseIsoDate", () => {
  test("reads a real date", () => {
    expect(parseIsoDate("2024-02-29", "d")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  test("refuses anything else with a TrainingRuleError naming the field", () => {
    expect(() => parseIsoDate("29/02/2024", "asOf")).toThrow(
      new TrainingRuleError(
        "invalid_date",
        'asOf must be a date in the form YYYY-MM-DD (got "29/02/2024")',
      ),
    );
    expect(() => parseIsoDate("2023-02-29", "completedOn")).toThrow(
      new TrainingRuleError("invalid_date", 'completedOn is not a real date (got "2023-02-29")'),
    );
  });
});
