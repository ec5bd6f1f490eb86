import { describe, expect, test } from "vitest";

import { formatIssues } from "./format-issues";
import { FundingPlanSchema, type FundingPlanInput } from "./funding-plan";

const validPlan: FundingPlanInput = {
  name: "Joint commission",
  financialYears: ["2014/15", "2015/16"],
  partners: [
    { key: "county", name: "County council", sector: "social_care" },
    { key: "pcc", name: "Police and Crime Commissioner", sector: "criminal_justice" },
  ],
  workstreams: [
    { key: "a", name: "Workstream A", percent: 33.33 },
    { key: "b", name: "Workstream B", percent: 33.33 },
    { key: "c", name: "Workstream C", percent: 33.34 },
  ],
  costs: [{ financialYear: "2014/15", amountPence: 100_000 }],
  contributions: [{ partner: "pcc", financialYear: "2015/16", amountPence: 5 }],
  carryForwards: [{ from: "2014/15", to: "2015/16", amountPence: 1 }],
};

function problems(input: unknown): string[] {
  const result = FundingPlanSchema.safeParse(input);
  return result.success ? [] : formatIssues(result.error);
}

describe("FundingPlanSchema", () => {
  test("accepts a complete plan and fills in the lists left out", () => {
    const plan = FundingPlanSchema.parse({ name: "Minimal", financialYears: ["2017/18"] });
    expect(plan).toEqual({
      name: "Minimal",
      financialYears: ["2017/18"],
      partners: [],
      workstreams: [],
      costs: [],
      contributions: [],
      grants: [],
      reserveDrawdowns: [],
      carryForwards: [],
      workstreamCosts: [],
    });
    expect(problems(validPlan)).toEqual([]);
  });

  test("names the field of every problem", () => {
    expect(
      problems({
        ...validPlan,
        financialYears: ["2014/15", "2016/17", "2016/17"],
        costs: [
          { financialYear: "2014/15", amountPence: 1.5 },
          { financialYear: "2014/15", amountPence: -1 },
          { financialYear: "2020/21", amountPence: 1 },
        ],
      }),
    ).toEqual([
      "costs.0.amountPence: must be a whole number of pence within the safe integer range",
      "costs.1.amountPence: must not be negative",
    ]);
  });

  test("reports years that are repeated, out of order or not in the plan", () => {
    expect(
      problems({
        ...validPlan,
        financialYears: ["2014/15", "2016/17", "2016/17"],
        grants: [{ name: "Home Office", financialYear: "2013/14", amountPence: 1 }],
        reserveDrawdowns: [
          { reserve: "Crime and Disorder", financialYear: "2013/14", amountPence: 1 },
        ],
        costs: [
          { financialYear: "2014/15", amountPence: 1 },
          { financialYear: "2014/15", amountPence: 2 },
        ],
        carryForwards: [{ from: "2016/17", to: "2014/15", amountPence: 1 }],
        contributions: [],
      }),
    ).toEqual([
      "financialYears.2: is listed twice",
      "financialYears.1: must follow 2014/15 without a gap (expected consecutive years in order)",
      "financialYears.2: must follow 2016/17 without a gap (expected consecutive years in order)",
      "grants.0.financialYear: 2013/14 is not one of the plan's financial years",
      "reserveDrawdowns.0.financialYear: 2013/14 is not one of the plan's financial years",
      "costs.1.financialYear: has a cost already; give one total cost per financial year",
      "carryForwards.0.to: must be a later financial year than 2016/17",
    ]);
  });

  test("reports carry-forwards outside the plan's years", () => {
    expect(
      problems({
        ...validPlan,
        carryForwards: [{ from: "2012/13", to: "2019/20", amountPence: 1 }],
      }),
    ).toEqual([
      "carryForwards.0.from: 2012/13 is not one of the plan's financial years",
      "carryForwards.0.to: 2019/20 is not one of the plan's financial years",
    ]);
  });

  test("reports unknown and repeated partners and workstreams", () => {
    expect(
      problems({
        ...validPlan,
        partners: [
          { key: "nhs", name: "NHS" },
          { key: "nhs", name: "NHS again" },
        ],
        workstreams: [
          { key: "a", name: "A", percent: 60 },
          { key: "a", name: "A again", percent: 30 },
        ],
        contributions: [{ partner: "police", financialYear: "2014/15", amountPence: 1 }],
      }),
    ).toEqual([
      "partners.1.key: is used by another partner",
      'contributions.0.partner: "police" is not a partner in this plan',
      "workstreams.1.key: is used by another workstream",
      "workstreams: percentages must add up to 100 (they add up to 90)",
    ]);
  });

  test("says which required fields are missing", () => {
    expect(problems({})).toEqual(["name: is required", "financialYears: is required"]);
  });

  test("rejects a sector it does not know and a missing name", () => {
    expect(
      problems({
        ...validPlan,
        name: "  ",
        partners: [{ key: "x", name: "X", sector: "education" }],
      }),
    ).toEqual([
      "name: must not be empty",
      "partners.0.sector: must be one of health, criminal_justice, social_care, housing, civil_legal, other",
    ]);
  });

  test("refuses a field it does not know, naming it, at any depth", () => {
    const { reserveDrawdowns, ...rest } = {
      ...validPlan,
      reserveDrawdowns: [
        { reserve: "Crime and Disorder", financialYear: "2014/15", amountPence: 1 },
      ],
    };
    expect(problems({ ...rest, reserveDrawdown: reserveDrawdowns })).toEqual([
      'Unrecognized key: "reserveDrawdown"',
    ]);
    expect(
      problems({
        ...validPlan,
        costs: [{ financialYear: "2014/15", amountPence: 1, amountPounds: 1 }],
      }),
    ).toEqual(['costs.0: Unrecognized key: "amountPounds"']);
  });

  test("reads every spelling of a financial year and keeps the canonical label", () => {
    const plan = FundingPlanSchema.parse({
      ...validPlan,
      financialYears: ["2014-15", " 2015/2016 "],
      costs: [{ financialYear: "2014\u201315", amountPence: 1 }],
      contributions: [],
      carryForwards: [{ from: "2014/2015", to: "2015-16", amountPence: 1 }],
    });
    expect(plan.financialYears).toEqual(["2014/15", "2015/16"]);
    expect(plan.costs[0]?.financialYear).toBe("2014/15");
    expect(plan.carryForwards[0]).toMatchObject({ from: "2014/15", to: "2015/16" });
    expect(problems({ ...validPlan, financialYears: ["2014/16", "2015"] })).toEqual([
      "financialYears.0: must name two consecutive years, like 2014/15",
      "financialYears.1: must be a financial year label like 2014/15",
    ]);
  });

  test("takes a partner's end date as a calendar date", () => {
    const partners = [{ key: "pcc", name: "PCC", endDate: "2015-03-31" }];
    expect(FundingPlanSchema.parse({ ...validPlan, partners }).partners[0]?.endDate).toBe(
      "2015-03-31",
    );
    expect(
      problems({ ...validPlan, partners: [{ ...partners[0], endDate: "31/03/2015" }] }),
    ).toEqual(["partners.0.endDate: must be a date in the form YYYY-MM-DD"]);
  });

  test("a contribution is cash unless it says in kind, and no other kind", () => {
    const plan = FundingPlanSchema.parse({
      ...validPlan,
      contributions: [
        { partner: "pcc", financialYear: "2015/16", amountPence: 5 },
        { partner: "county", financialYear: "2015/16", amountPence: 7, kind: "in_kind" },
      ],
    });
    expect(plan.contributions.map((row) => row.kind)).toEqual(["cash", "in_kind"]);
    expect(
      problems({
        ...validPlan,
        contributions: [{ partner: "pcc", financialYear: "2015/16", amountPence: 5, kind: "gift" }],
      }),
    ).toHaveLength(1);
  });

  test("takes a grant's end date as a calendar date", () => {
    const grants = [{ name: "Home Office", financialYear: "2014/15", amountPence: 1 }];
    expect(
      FundingPlanSchema.parse({ ...validPlan, grants: [{ ...grants[0], endDate: "2015-03-31" }] })
        .grants[0]?.endDate,
    ).toBe("2015-03-31");
    expect(problems({ ...validPlan, grants: [{ ...grants[0], endDate: "soon" }] })).toEqual([
      "grants.0.endDate: must be a date in the form YYYY-MM-DD",
    ]);
  });

  test("workstream costs name a workstream and a plan year, once each", () => {
    const line = { workstream: "a", financialYear: "2014/15", budgetPence: 100, outturnPence: 90 };
    expect(problems({ ...validPlan, workstreamCosts: [line] })).toEqual([]);
    expect(problems({ ...validPlan, workstreamCosts: [{ ...line, budgetPence: -1 }] })).toEqual([
      "workstreamCosts.0.budgetPence: must not be negative",
    ]);
    expect(problems({ ...validPlan, workstreamCosts: [{ ...line, outtrun: 5 }] })).toEqual([
      'workstreamCosts.0: Unrecognized key: "outtrun"',
    ]);
    expect(
      problems({
        ...validPlan,
        workstreamCosts: [
          line,
          { ...line, forecastPence: 80 },
          { ...line, workstream: "z" },
          { ...line, financialYear: "2019/20" },
        ],
      }),
    ).toEqual([
      "workstreamCosts.3.financialYear: 2019/20 is not one of the plan's financial years",
      'workstreamCosts.2.workstream: "z" is not a workstream in this plan',
      "workstreamCosts.1.financialYear: has a cost for this workstream already; give one line per workstream and year",
    ]);
  });
});
