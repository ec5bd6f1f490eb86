import { describe, expect, test } from "vitest";

import { assessReadiness } from "./assess-readiness";
import { DahaRuleError } from "./daha-rule-error";
import { defaultFramework, legacyFramework } from "./frameworks";
import { DEFAULT_STAFF_DEVELOPMENT_TARGET, staffDevelopmentCheck } from "./staff-development-check";

describe("staffDevelopmentCheck", () => {
  test("Oxford's 56 of 90 is amber against the default 80% target", () => {
    expect(DEFAULT_STAFF_DEVELOPMENT_TARGET).toBe(0.8);
    expect(staffDevelopmentCheck({ attendanceRate: 56 / 90 })).toEqual({
      areaId: "staff-development",
      rag: "amber",
      reason: "Training attendance 62.2% is below the 80.0% target",
    });
  });

  test("is green at or above the target", () => {
    expect(staffDevelopmentCheck({ attendanceRate: 0.8 })).toEqual({
      areaId: "staff-development",
      rag: "green",
      reason: "Training attendance 80.0% meets the 80.0% target",
    });
    expect(staffDevelopmentCheck({ attendanceRate: 1, target: 0.75 }).rag).toBe("green");
  });

  test("is red only below redBelow, when it is given", () => {
    expect(staffDevelopmentCheck({ attendanceRate: 0, target: 0.75 }).rag).toBe("amber");
    expect(staffDevelopmentCheck({ attendanceRate: 0.3, redBelow: 0.5 })).toEqual({
      areaId: "staff-development",
      rag: "red",
      reason: "Training attendance 30.0% is below 50.0%, well short of the 80.0% target",
    });
    expect(staffDevelopmentCheck({ attendanceRate: 0.5, redBelow: 0.5 }).rag).toBe("amber");
  });

  test("can report against another framework's area", () => {
    const check = staffDevelopmentCheck({ attendanceRate: 0.9, areaId: "training" });
    expect(check.areaId).toBe("training");
    const training = assessReadiness({
      framework: legacyFramework,
      evidence: [],
      asOf: "2025-01-01",
      checks: [check],
    }).find((area) => area.areaId === "training");
    expect(training?.reasons).toEqual([
      "No approved evidence",
      "Training attendance 90.0% meets the 80.0% target",
    ]);
  });

  test("feeds assessReadiness for the default framework", () => {
    const [, staff] = assessReadiness({
      framework: defaultFramework,
      evidence: [],
      asOf: "2025-01-01",
      checks: [staffDevelopmentCheck({ attendanceRate: 56 / 90 })],
    });
    expect(staff?.rag).toBe("red");
    expect(staff?.reasons).toHaveLength(2);
  });

  test("rejects rates and thresholds outside 0 to 1, naming the field", () => {
    expect(() => staffDevelopmentCheck({ attendanceRate: 62.2 })).toThrow(
      new DahaRuleError(
        "invalid_input",
        "attendanceRate must be a fraction from 0 to 1 (got 62.2)",
      ),
    );
    expect(() => staffDevelopmentCheck({ attendanceRate: Number.NaN })).toThrow(
      "attendanceRate must be a fraction from 0 to 1 (got NaN)",
    );
    expect(() => staffDevelopmentCheck({ attendanceRate: 0.5, target: 80 })).toThrow(
      "target must be a fraction from 0 to 1 (got 80)",
    );
    expect(() => staffDevelopmentCheck({ attendanceRate: 0.5, redBelow: 0.9 })).toThrow(
      "redBelow must be a fraction from 0 to 0.8 (got 0.9)",
    );
    expect(() => staffDevelopmentCheck({ attendanceRate: "0.5" as unknown as number })).toThrow(
      DahaRuleError,
    );
  });
});
