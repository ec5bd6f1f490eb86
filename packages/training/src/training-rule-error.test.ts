import { describe, expect, test } from "vitest";

import { TrainingRuleError } from "./training-rule-error";

describe("TrainingRuleError", () => {
  test("carries a name, a code and the message", () => {
    const error = new TrainingRuleError("invalid_date", "asOf is not a real date");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TrainingRuleError");
    expect(error.code).toBe("invalid_date");
    expect(String(error)).toBe("TrainingRuleError: asOf is not a real date");
  });

  test("is told apart from a plain Error", () => {
    expect(new Error("x")).not.toBeInstanceOf(TrainingRuleError);
  });
});
