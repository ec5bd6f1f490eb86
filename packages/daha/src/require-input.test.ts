import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { requireObject, requireRecords } from "./require-input";

describe("requireObject and requireRecords", () => {
  test("refuse what is not an object, or not a list of records with text fields", () => {
    expect(() => requireObject(null, "input")).toThrow(
      new DahaRuleError("invalid_input", "input must be an object (got null)"),
    );
    expect(() => requireRecords({}, "areas", ["id"])).toThrow(
      "areas must be a list (got an object)",
    );
    expect(() => requireRecords([{ id: 1 }], "areas", ["id"])).toThrow(
      "areas[0].id must be text (got 1)",
    );
    expect(() => requireRecords([{ id: "a" }], "areas", ["id"])).not.toThrow();
  });
});
