import { describe, expect, test } from "vitest";

import { ratingField, ratingMissing } from "./evaluation-words";
import { SetOutcomesInputSchema } from "./evaluation";
import {
  AddProgrammeCostInputSchema,
  SetProgrammeYearInputSchema,
  UpdateProgrammeCostInputSchema,
} from "./programme-costs";
import { AddLevelRuleInputSchema, SaveFrameworkInputSchema } from "./training-framework";
import { schemaProblems as problems } from "./test/schema-problems";

const A = "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b";
const B = "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6c";

describe("a partnership's programme costs", () => {
  test("a cost line needs an amount above £0 and at most £10 million", () => {
    const line = { financialYearStart: 2026, category: "trainers", description: "Trainer fees" };
    expect(problems(AddProgrammeCostInputSchema, { ...line, amountPence: 150_000 })).toEqual({});
    expect(problems(AddProgrammeCostInputSchema, { ...line, amountPence: 0 })).toEqual({
      amountPence: "must be more than £0",
    });
    expect(problems(AddProgrammeCostInputSchema, { ...line, amountPence: 1_000_000_001 })).toEqual({
      amountPence: "must be at most £10,000,000",
    });
    expect(problems(AddProgrammeCostInputSchema, { ...line, financialYearStart: 1999 })).toEqual(
      expect.objectContaining({ financialYearStart: "must be 2000 or later" }),
    );
  });

  test("a change to a cost line may leave out any field, but not send a bad one", () => {
    expect(problems(UpdateProgrammeCostInputSchema, { id: A, data: {} })).toEqual({});
    expect(problems(UpdateProgrammeCostInputSchema, { id: A, data: { amountPence: -1 } })).toEqual(
      expect.objectContaining({ "data.amountPence": expect.any(String) as string }),
    );
  });

  test("agreed percentages add up to exactly 100, each agency once, in hundredths", () => {
    const year = { financialYearStart: 2026, basis: "agreed_percentages" };
    const split = (a: number, b: number, second = B) => ({
      ...year,
      percentages: [
        { agencyId: A, percent: a },
        { agencyId: second, percent: b },
      ],
    });
    expect(problems(SetProgrammeYearInputSchema, split(33.33, 66.67))).toEqual({});
    expect(problems(SetProgrammeYearInputSchema, split(33.33, 66.66))).toEqual({
      percentages: "must add up to 100 %, but add up to 99.99 %",
    });
    expect(problems(SetProgrammeYearInputSchema, split(50, 50, A))).toEqual({
      percentages: "must not list an agency twice",
    });
    expect(problems(SetProgrammeYearInputSchema, split(33.333, 66.667))).toEqual({
      "percentages.0.percent": "must have at most two decimal places",
      "percentages.1.percent": "must have at most two decimal places",
    });
  });

  test("other bases ignore percentages; a plan and its workstream come together or not at all", () => {
    const year = { financialYearStart: 2026, basis: "places_booked" };
    expect(problems(SetProgrammeYearInputSchema, year)).toEqual({});
    expect(problems(SetProgrammeYearInputSchema, { ...year, fundingPlanId: A })).toEqual({
      workstreamKey: "choose a funding plan and its workstream together, or neither",
    });
    expect(problems(SetProgrammeYearInputSchema, { ...year, workstreamKey: "training" })).toEqual({
      fundingPlanId: "choose a funding plan and its workstream together, or neither",
    });
    expect(
      problems(SetProgrammeYearInputSchema, { ...year, fundingPlanId: A, workstreamKey: "t" }),
    ).toEqual({});
  });
});

describe("a training framework", () => {
  const level = (n: number) => ({
    level: n,
    name: `Level ${String(n)}`,
    defaultRefresherMonths: 12,
  });

  test("its levels are numbered once each, at least one", () => {
    expect(problems(SaveFrameworkInputSchema, { name: "Framework", levels: [level(1)] })).toEqual(
      {},
    );
    expect(problems(SaveFrameworkInputSchema, { name: "Framework", levels: [] })).toEqual({
      levels: "must have at least one level",
    });
    expect(
      problems(SaveFrameworkInputSchema, { name: "Framework", levels: [level(2), level(2)] }),
    ).toEqual({ levels: "must not number two levels the same" });
  });

  test("a rule for a kind of agency names the kind; a rule for one agency names it", () => {
    expect(problems(AddLevelRuleInputSchema, { scope: "all", requiredLevel: 1 })).toEqual({});
    expect(problems(AddLevelRuleInputSchema, { scope: "agency_kind", requiredLevel: 1 })).toEqual({
      agencyKind: "choose a kind of agency",
    });
    expect(problems(AddLevelRuleInputSchema, { scope: "agency", requiredLevel: 1 })).toEqual({
      agencyId: "choose an agency",
    });
    expect(
      problems(AddLevelRuleInputSchema, { scope: "agency", agencyId: B, requiredLevel: 2 }),
    ).toEqual({});
  });
});

describe("a course's learning outcomes and their ratings", () => {
  test("outcomes are listed once each, at most twelve", () => {
    expect(problems(SetOutcomesInputSchema, { courseId: A, outcomes: ["Spot risk"] })).toEqual({});
    expect(
      problems(SetOutcomesInputSchema, { courseId: A, outcomes: ["Spot risk", "Spot risk"] }),
    ).toEqual({ outcomes: "must not list an outcome twice" });
    const thirteen = Array.from({ length: 13 }, (_, i) => `Outcome ${String(i)}`);
    expect(problems(SetOutcomesInputSchema, { courseId: A, outcomes: thirteen })).toEqual({
      outcomes: "must list at most 12 learning outcomes",
    });
  });

  test("a missing rating names its outcome, on the outcome's own field", () => {
    expect(ratingMissing("Spot risk")).toBe(
      'Choose how confident you are, from 1 to 5, for "Spot risk"',
    );
    expect(ratingField(A)).toBe(`rating-${A}`);
  });
});
