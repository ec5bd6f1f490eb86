import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { requireObject, requireRecords, shown } from "./shown";

describe("shown", () => {
  test("shows any value without throwing", () => {
    expect(shown("x")).toBe('"x"');
    expect(shown(7)).toBe("7");
    expect(shown(null)).toBe("null");
    expect(shown(undefined)).toBe("undefined");
    expect(shown(10n)).toBe("10");
    expect(shown([1])).toBe("a list");
    expect(shown(Object.create(null))).toBe("a object");
    expect(shown(() => 1)).toBe("a function");
  });
});

describe("requireObject and requireRecords", () => {
  test("name the field and the value at fault", () => {
    expect(() => requireObject([], "input")).toThrow(
      new DahaRuleError("invalid_input", "input must be an object (got a list)"),
    );
    expect(() => requireRecords("areas", "areas", ["id"])).toThrow(
      new DahaRuleError("invalid_input", 'areas must be a list (got "areas")'),
    );
    expect(() => requireRecords([{ id: 1 }], "areas", ["id"])).toThrow(
      new DahaRuleError("invalid_input", "areas[0].id must be text (got 1)"),
    );
    expect(() => requireRecords([null], "areas", ["id"])).toThrow(
      new DahaRuleError("invalid_input", "areas[0] must be an object (got null)"),
    );
    expect(() => requireRecords([{ id: "a" }], "areas", ["id"])).not.toThrow();
  });
});
