import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";

describe("DahaRuleError", () => {
  test("carries a name, a code and the message", () => {
    const error = new DahaRuleError("unknown_area", 'Area "x" is not in framework daha-2022');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DahaRuleError");
    expect(error.code).toBe("unknown_area");
    expect(error.message).toBe('Area "x" is not in framework daha-2022');
    expect(String(error)).toBe('DahaRuleError: Area "x" is not in framework daha-2022');
  });

  test("is told apart from a plain Error", () => {
    expect(new Error("x")).not.toBeInstanceOf(DahaRuleError);
  });
});
