import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { requireObject, requireRecords, shown } from "./shown";

describe("shown", () => {
  test("shows any value without throwing", () => {
    expect(shown("x")).toBe('"x"');
    expect(shown(2n)).toBe("2");
    expect(shown(undefined)).toBe("undefined");
    expect(shown(null)).toBe("null");
    expect(shown([])).toBe("a list");
    expect(shown(Object.create(null))).toBe("an object");
    expect(shown(() => 1)).toBe("a function");
  });
});

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
