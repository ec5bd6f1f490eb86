import { describe, expect, test } from "vitest";

import { requiredLevels, type LevelPerson, type LevelRule } from "./required-levels";
import { TrainingRuleError } from "./training-rule-error";

const OFFICER: LevelPerson = { jobTitle: " Police Officer", agencyId: "a1", agencyKind: "police" };

const RULES: LevelRule[] = [
  { scope: "all", jobTitleContains: "", requiredLevel: 1 },
  { scope: "agency_kind", agencyKind: "police", jobTitleContains: "officer ", requiredLevel: 2 },
  { scope: "agency", agencyId: "a2", jobTitleContains: "", requiredLevel: 3 },
  { scope: "agency", agencyId: "a1", jobTitleContains: "sergeant", requiredLevel: 4 },
];

describe("requiredLevels", () => {
  test("every rule covering the agency and job title adds its level, lowest first, once", () => {
    expect(requiredLevels(OFFICER, RULES)).toEqual([1, 2]);
    expect(requiredLevels(OFFICER, [...RULES, ...RULES.slice(1, 2)].reverse())).toEqual([1, 2]);
    expect(requiredLevels({ ...OFFICER, agencyId: "a2" }, RULES)).toEqual([1, 2, 3]);
    expect(requiredLevels({ ...OFFICER, jobTitle: "Custody SERGEANT" }, RULES)).toEqual([1, 4]);
  });

  test("a person with no agency is covered by rules for every agency only", () => {
    expect(
      requiredLevels({ jobTitle: "Officer", agencyId: null, agencyKind: null }, RULES),
    ).toEqual([1]);
  });

  test("no rules, or none covering the person, need nothing", () => {
    expect(requiredLevels(OFFICER, [])).toEqual([]);
    expect(requiredLevels({ ...OFFICER, agencyKind: "nhs_trust" }, RULES.slice(1, 3))).toEqual([]);
  });

  test.each([
    [null, RULES, "person must be an object (got null)"],
    [OFFICER, "rules", 'rules must be a list (got "rules")'],
    [{ ...OFFICER, jobTitle: 3 }, RULES, "person.jobTitle must be text (got 3)"],
    [
      { ...OFFICER, agencyId: "" },
      RULES,
      'person.agencyId must be a non-empty identifier (got "")',
    ],
    [OFFICER, [7], "rules[0] must be an object (got 7)"],
    [
      OFFICER,
      [{ ...RULES[0], scope: "some" }],
      "rules[0].scope must be one of all, agency_kind, agency",
    ],
    [
      OFFICER,
      [{ ...RULES[0], requiredLevel: 0 }],
      "rules[0].requiredLevel must be a whole number, 1 or more (got 0)",
    ],
    [
      OFFICER,
      [{ ...RULES[1], agencyKind: undefined }],
      "rules[0].agencyKind must be a non-empty identifier",
    ],
    [
      OFFICER,
      [{ ...RULES[2], agencyId: null }],
      "rules[0].agencyId must be a non-empty identifier",
    ],
    [OFFICER, [{ ...RULES[0], jobTitleContains: null }], "rules[0].jobTitleContains must be text"],
  ])("refuses a malformed person or rule, naming the field (%#)", (person, rules, message) => {
    const call = () => requiredLevels(person as LevelPerson, rules as LevelRule[]);
    expect(call).toThrow(TrainingRuleError);
    expect(call).toThrow(message);
  });
});
