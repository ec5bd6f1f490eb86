import { describe, expect, test } from "vitest";

import { requireKind, shown } from "./shown";
import { TrainingRuleError } from "./training-rule-error";

describe("shown and requireKind", () => {
  test("show any value without throwing", () => {
    expect(shown("booked")).toBe("booked");
    expect(shown(undefined)).toBe("undefined");
    expect(shown(null)).toBe("null");
    expect(shown(Object.create(null))).toBe("object");
  });

  test("refuse an argument of the wrong kind, naming it", () => {
    expect(() => requireKind(null, "input", "object")).toThrow(
      new TrainingRuleError("invalid_input", "input must be an object (got null)"),
    );
    expect(() => requireKind({}, "records", "list")).toThrow("records must be a list (got object)");
    expect(() => requireKind([], "input", "object")).toThrow(
      "input must be an object (got object)",
    );
    expect(() => requireKind([], "records", "list")).not.toThrow();
  });
});
