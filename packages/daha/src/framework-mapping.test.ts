import { describe, expect, test } from "vitest";

import { DahaRuleError } from "./daha-rule-error";
import { frameworkMapping, mapAreaId } from "./framework-mapping";
import { defaultFramework, legacyFramework } from "./frameworks";

const legacy = { from: "daha-legacy", to: "daha-2022" };
const current = { from: "daha-2022", to: "daha-legacy" };

describe("frameworkMapping", () => {
  test("links every legacy area exactly once, to an area of the default framework", () => {
    const legacyIds = frameworkMapping.links.map((link) => link.legacyAreaId);
    expect([...legacyIds].sort()).toEqual(legacyFramework.areas.map((area) => area.id).sort());
    const defaultIds = new Set(defaultFramework.areas.map((area) => area.id));
    for (const link of frameworkMapping.links)
      expect(defaultIds.has(link.defaultAreaId)).toBe(true);
    expect(frameworkMapping.legacyFrameworkId).toBe(legacyFramework.id);
    expect(frameworkMapping.defaultFrameworkId).toBe(defaultFramework.id);
  });

  test("leaves only Victim-Survivor Led Support without a legacy area", () => {
    const linked = new Set(frameworkMapping.links.map((link) => link.defaultAreaId));
    expect(defaultFramework.areas.filter((area) => !linked.has(area.id)).map((a) => a.id)).toEqual([
      "victim-survivor-led-support",
    ]);
  });

  test("is frozen", () => {
    expect(Object.isFrozen(frameworkMapping.links)).toBe(true);
    expect(Object.isFrozen(frameworkMapping.links[0])).toBe(true);
  });
});

describe("mapAreaId", () => {
  test("maps each legacy area to exactly one default area (daha.md §1.4)", () => {
    expect(
      Object.fromEntries(
        legacyFramework.areas.map((area) => [area.id, mapAreaId(area.id, legacy)]),
      ),
    ).toEqual({
      "policies-and-procedures": ["policies-and-procedures"],
      "case-management": ["safety-led-case-management"],
      "risk-management": ["safety-led-case-management"],
      "inclusivity-and-accessibility": ["intersectionality-and-anti-racist-practice"],
      "perpetrator-management": ["perpetrator-accountability"],
      "partnership-working": ["partnerships"],
      training: ["staff-development"],
      "publicity-and-awareness": ["publicity-and-awareness-raising"],
    });
  });

  test("maps default areas back to none, one or two legacy areas", () => {
    expect(mapAreaId("safety-led-case-management", current)).toEqual([
      "case-management",
      "risk-management",
    ]);
    expect(mapAreaId("staff-development", current)).toEqual(["training"]);
    expect(mapAreaId("victim-survivor-led-support", current)).toEqual([]);
  });

  test("round-trips every legacy area through the default framework", () => {
    for (const area of legacyFramework.areas) {
      const [mapped] = mapAreaId(area.id, legacy);
      expect(mapAreaId(mapped ?? "", current)).toContain(area.id);
    }
  });

  test("maps an area to itself within one framework", () => {
    expect(mapAreaId("training", { from: "daha-legacy", to: "daha-legacy" })).toEqual(["training"]);
  });

  test("throws unknown_area for an id that is not in the source framework", () => {
    expect(() => mapAreaId("training", current)).toThrow(DahaRuleError);
    expect(() => mapAreaId("training", current)).toThrow(
      /^Area "training" is not in framework daha-2022 \(its areas are policies-and-procedures, staff-development, /,
    );
    try {
      mapAreaId("nope", legacy);
    } catch (error) {
      expect((error as DahaRuleError).code).toBe("unknown_area");
    }
  });

  test("throws unknown_framework for either framework id", () => {
    expect(() => mapAreaId("training", { from: "daha-1999", to: "daha-2022" })).toThrow(
      'Unknown framework "daha-1999"',
    );
    expect(() => mapAreaId("training", { from: "daha-legacy", to: "x" })).toThrow(
      'Unknown framework "x"',
    );
  });
});
