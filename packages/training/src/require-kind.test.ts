import { describe, expect, test } from "vitest";

import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

describe("requireKind", () => {
  test("refuses an argument of the wrong kind, naming it and what it got", () => {
    expect(() => requireKind(null, "input", "object")).toThrow(
      new TrainingRuleError("invalid_input", "input must be an object (got null)"),
    );
    expect(() => requireKind({}, "records", "list")).toThrow(
      "records must be a list (got an object)",
    );
    expect(() => requireKind([], "input", "object")).toThrow(
      "input must be an object (got a list)",
    );
    expect(() => requireKind(Object.create(null), "records", "list")).toThrow(
      "records must be a list (got an object)",
    );
  });

  test("lets the right kind through", () => {
    expect(() => requireKind([], "records", "list")).not.toThrow();
    expect(() => requireKind({}, "input", "object")).not.toThrow();
  });
});
