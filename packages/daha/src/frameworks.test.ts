import { FrameworkSchema } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { defaultFramework, frameworks, getFramework, legacyFramework } from "./frameworks";

const KEBAB_CASE = /^[a-z]+(-[a-z]+)*$/;

describe("frameworks", () => {
  test.each(frameworks.map((framework) => [framework.id, framework] as const))(
    "%s is a valid Framework with eight kebab-case, unique areas",
    (_id, framework) => {
      const { source: _source, ...withoutSource } = framework;
      expect(FrameworkSchema.parse(framework)).toEqual(withoutSource);
      expect(framework.areas).toHaveLength(8);
      expect(new Set(framework.areas.map((area) => area.id)).size).toBe(8);
      for (const area of framework.areas) {
        expect(area.id).toMatch(KEBAB_CASE);
        expect(area.description.length).toBeGreaterThan(20);
      }
      expect(framework.source).not.toBe("");
    },
  );

  test("the default framework uses the council report's names, in its order", () => {
    expect(defaultFramework.areas.map((area) => area.name)).toEqual([
      "Policies & Procedures",
      "Staff Development",
      "Partnerships",
      "Safety Led Case Management",
      "Victim-Survivor Led Support",
      "Intersectionality & Anti-racist Practice",
      "Perpetrator Accountability",
      "Publicity and Awareness Raising",
    ]);
    expect(defaultFramework.areas[1]?.id).toBe("staff-development");
  });

  test("the legacy framework uses the DAHA website's names, in its order", () => {
    expect(legacyFramework.areas.map((area) => area.name)).toEqual([
      "Policies & Procedures",
      "Case Management",
      "Risk Management",
      "Inclusivity & Accessibility",
      "Perpetrator Management",
      "Partnership Working",
      "Training",
      "Publicity & Awareness",
    ]);
  });

  test("framework ids are unique and the default comes first", () => {
    expect(frameworks.map((framework) => framework.id)).toEqual(["daha-2022", "daha-legacy"]);
  });

  test("built-in data cannot be changed by a caller", () => {
    expect(Object.isFrozen(frameworks)).toBe(true);
    expect(Object.isFrozen(defaultFramework)).toBe(true);
    expect(Object.isFrozen(defaultFramework.areas)).toBe(true);
    expect(() => {
      (defaultFramework.areas[0] as { name: string }).name = "Changed";
    }).toThrow(TypeError);
  });
});

describe("getFramework", () => {
  test("finds each framework by id", () => {
    expect(getFramework("daha-2022")).toBe(defaultFramework);
    expect(getFramework("daha-legacy")).toBe(legacyFramework);
  });

  test("throws unknown_framework, naming the id and the known ids", () => {
    expect(() => getFramework("daha-2030")).toThrow(
      new DahaRuleError(
        "unknown_framework",
        'Unknown framework "daha-2030": expected one of daha-2022, daha-legacy',
      ),
    );
    try {
      getFramework("");
    } catch (error) {
      expect(error).toBeInstanceOf(DahaRuleError);
      expect((error as DahaRuleError).code).toBe("unknown_framework");
    }
    expect.assertions(3);
  });
});
