import type { FundingPlanInput } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import { parseMoney } from "./money";
import { planFunding } from "./plan-funding";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

const pounds = (text: string): number => parseMoney(text);

// Lancashire County Council, "Strategy for the Joint Commission of Specialist Domestic Abuse Services",
// 12 November 2013. The report's Appendix B (each partner's contribution) is not in the published text, so
// the partners' cash is modelled as one partner. Year 1's £1,502,548 is the allocation in the report's
// Year 1 table; for Years 2 and 3 the contributions are the amounts that, with the Crime and Disorder
// reserve and the carried underspend, meet the £1,502,449 budget (the report says these decisions "secure"
// the funding), i.e. £1,502,449 − £321,000 = £1,181,449 and £1,502,449 − £409,000 − £455,000 = £638,449.
const lancashirePlan = {
  name: "Lancashire Joint Commission of Specialist Domestic Abuse Services",
  financialYears: ["2013/14", "2014/15", "2015/16"],
  partners: [{ key: "statutory", name: "Statutory partners (Appendix B)" }],
  workstreams: [
    { key: "workforce", name: "Workforce and Co-ordination", percent: 5 },
    { key: "early-support", name: "Early Support", percent: 17 },
    { key: "medium-high-risk", name: "Medium and High Risk Support", percent: 68 },
    { key: "perpetrators", name: "Perpetrators", percent: 10 },
  ],
  // Year 1's cost is the forecast spend; Years 2 and 3 are the full budget.
  costs: [
    { financialYear: "2013/14", amountPence: pounds("£1,047,003") },
    { financialYear: "2014/15", amountPence: pounds("£1,502,449") },
    { financialYear: "2015/16", amountPence: pounds("£1,502,449") },
  ],
  contributions: [
    { partner: "statutory", financialYear: "2013/14", amountPence: pounds("£1,502,548") },
    { partner: "statutory", financialYear: "2014/15", amountPence: pounds("£1,181,449") },
    { partner: "statutory", financialYear: "2015/16", amountPence: pounds("£638,449") },
  ],
  reserveDrawdowns: [
    {
      reserve: "Crime and Disorder reserve",
      financialYear: "2014/15",
      amountPence: pounds("£0.321m"),
    },
    {
      reserve: "Crime and Disorder reserve",
      financialYear: "2015/16",
      amountPence: pounds("£0.409m"),
    },
  ],
  carryForwards: [
    {
      from: "2013/14",
      to: "2015/16",
      amountPence: pounds("£0.455m"),
      note: "Year 1 underspend carried to Year 3 (outline approval)",
    },
  ],
} satisfies FundingPlanInput;

const yearTwoAndThreeSplit = [
  { key: "workforce", name: "Workforce and Co-ordination", amountPence: 7_512_245 },
  { key: "early-support", name: "Early Support", amountPence: 25_541_633 },
  { key: "medium-high-risk", name: "Medium and High Risk Support", amountPence: 102_166_532 },
  { key: "perpetrators", name: "Perpetrators", amountPence: 15_024_490 },
];
const statutory = (amountPence: number) => [
  { partner: "statutory", name: "Statutory partners (Appendix B)", amountPence, inKindPence: 0 },
];

describe("planFunding on Lancashire's three-year joint commission", () => {
  const result = planFunding(lancashirePlan);

  test("Year 1 (2013/14): partners' £1,502,548 meets the £1,047,003 spend and £455,000 carried on, £545 over", () => {
    expect(result.years[0]).toEqual({
      financialYear: "2013/14",
      costPence: 104_700_300,
      workstreams: [
        { key: "workforce", name: "Workforce and Co-ordination", amountPence: 5_235_015 },
        { key: "early-support", name: "Early Support", amountPence: 17_799_051 },
        { key: "medium-high-risk", name: "Medium and High Risk Support", amountPence: 71_196_204 },
        { key: "perpetrators", name: "Perpetrators", amountPence: 10_470_030 },
      ],
      income: {
        contributionsPence: 150_254_800,
        grantsPence: 0,
        reserveDrawdownsPence: 0,
        carryForwardInPence: 0,
        newMoneyPence: 150_254_800,
        totalPence: 150_254_800,
      },
      contributionsByPartner: statutory(150_254_800),
      inKindPence: 0,
      workstreamCosts: [],
      carryForwardOutPence: 45_500_000,
      gapPence: -54_500,
    });
  });

  test("Year 2 (2014/15): £1,502,449 met by partners and £321,000 of reserve, no gap", () => {
    expect(result.years[1]).toEqual({
      financialYear: "2014/15",
      costPence: 150_244_900,
      workstreams: yearTwoAndThreeSplit,
      income: {
        contributionsPence: 118_144_900,
        grantsPence: 0,
        reserveDrawdownsPence: 32_100_000,
        carryForwardInPence: 0,
        newMoneyPence: 150_244_900,
        totalPence: 150_244_900,
      },
      contributionsByPartner: statutory(118_144_900),
      inKindPence: 0,
      workstreamCosts: [],
      carryForwardOutPence: 0,
      gapPence: 0,
    });
  });

  test("Year 3 (2015/16): £1,502,449 met by partners, £409,000 of reserve and £455,000 carried in, no gap", () => {
    expect(result.years[2]).toEqual({
      financialYear: "2015/16",
      costPence: 150_244_900,
      workstreams: yearTwoAndThreeSplit,
      income: {
        contributionsPence: 63_844_900,
        grantsPence: 0,
        reserveDrawdownsPence: 40_900_000,
        carryForwardInPence: 45_500_000,
        newMoneyPence: 104_744_900,
        totalPence: 150_244_900,
      },
      contributionsByPartner: statutory(63_844_900),
      inKindPence: 0,
      workstreamCosts: [],
      carryForwardOutPence: 0,
      gapPence: 0,
    });
  });

  test("totals over the three years, where the carry-forward cancels out", () => {
    // The paper's summary read "total income £4,507,446 against total cost £4,051,901, £545
    // surplus": the money in is £4,052,446; the £455,000 carried forward only moves between years.
    expect(result.totals.income.newMoneyPence).toBe(pounds("£4,052,446"));
    expect(result.name).toBe(lancashirePlan.name);
    expect(result.totals).toEqual({
      costPence: 405_190_100,
      workstreams: [
        { key: "workforce", name: "Workforce and Co-ordination", amountPence: 20_259_505 },
        { key: "early-support", name: "Early Support", amountPence: 68_882_317 },
        { key: "medium-high-risk", name: "Medium and High Risk Support", amountPence: 275_529_268 },
        { key: "perpetrators", name: "Perpetrators", amountPence: 40_519_010 },
      ],
      income: {
        contributionsPence: 332_244_600,
        grantsPence: 0,
        reserveDrawdownsPence: 73_000_000,
        carryForwardInPence: 45_500_000,
        newMoneyPence: 405_244_600,
        totalPence: 450_744_600,
      },
      contributionsByPartner: statutory(332_244_600),
      inKindPence: 0,
      workstreamCosts: [],
      carryForwardOutPence: 45_500_000,
      gapPence: -54_500,
    });
  });

  test("the Crime and Disorder reserve gives £0.730m: £0.321m in 2014/15 and £0.409m in 2015/16", () => {
    expect(result.reserves).toEqual([
      {
        reserve: "Crime and Disorder reserve",
        totalPence: 73_000_000,
        byYear: [
          { financialYear: "2013/14", amountPence: 0 },
          { financialYear: "2014/15", amountPence: 32_100_000 },
          { financialYear: "2015/16", amountPence: 40_900_000 },
        ],
      },
    ]);
  });

  test("without the reserve and the carry-forward, Years 2 and 3 would be £321,000 and £864,000 short", () => {
    const without = planFunding({ ...lancashirePlan, reserveDrawdowns: [], carryForwards: [] });
    expect(without.years.map((year) => year.gapPence)).toEqual([
      -45_554_500, 32_100_000, 86_400_000,
    ]);
    // £864,000 is the £409,000 drawdown plus the £455,000 carried from Year 1.
    expect(86_400_000).toBe(pounds("£409,000") + pounds("£455,000"));
    expect(without.reserves).toEqual([]);
  });
});

describe("planFunding", () => {
  test("Oxfordshire: a £335,000 contract against a £200,000 county budget leaves a £135,000 gap", () => {
    const result = planFunding({
      name: "Oxfordshire Domestic Abuse Service (ODAS)",
      financialYears: ["2017/18"],
      partners: [{ key: "occ", name: "Oxfordshire County Council", sector: "social_care" }],
      costs: [{ financialYear: "2017/18", amountPence: pounds("£335,000") }],
      contributions: [
        { partner: "occ", financialYear: "2017/18", amountPence: pounds("£200,000") },
      ],
    });
    expect(result.years).toEqual([
      {
        financialYear: "2017/18",
        costPence: 33_500_000,
        workstreams: [],
        income: {
          contributionsPence: 20_000_000,
          grantsPence: 0,
          reserveDrawdownsPence: 0,
          carryForwardInPence: 0,
          newMoneyPence: 20_000_000,
          totalPence: 20_000_000,
        },
        contributionsByPartner: [
          {
            partner: "occ",
            name: "Oxfordshire County Council",
            amountPence: 20_000_000,
            inKindPence: 0,
          },
        ],
        inKindPence: 0,
        workstreamCosts: [],
        carryForwardOutPence: 0,
        gapPence: 13_500_000,
      },
    ]);
    expect(result.totals.gapPence).toBe(13_500_000);
    expect(result.totals.workstreams).toEqual([]);
  });

  test("adds grants and several partners' contributions, listing partners who give nothing too", () => {
    const result = planFunding({
      name: "Grants and partners",
      financialYears: ["2020/21", "2021/22"],
      partners: [
        { key: "pcc", name: "PCC", sector: "criminal_justice" },
        { key: "icb", name: "ICB", sector: "health" },
      ],
      costs: [{ financialYear: "2021/22", amountPence: 1_000 }],
      contributions: [
        { partner: "pcc", financialYear: "2021/22", amountPence: 300 },
        { partner: "pcc", financialYear: "2021/22", amountPence: 200 },
      ],
      grants: [
        { name: "Home Office", financialYear: "2021/22", amountPence: 400 },
        { name: "DLUHC", financialYear: "2020/21", amountPence: 50 },
      ],
    });
    const [first, second] = result.years;
    expect(first?.costPence).toBe(0);
    expect(first?.gapPence).toBe(-50);
    expect(second?.income).toEqual({
      contributionsPence: 500,
      grantsPence: 400,
      reserveDrawdownsPence: 0,
      carryForwardInPence: 0,
      newMoneyPence: 900,
      totalPence: 900,
    });
    expect(second?.contributionsByPartner).toEqual([
      { partner: "pcc", name: "PCC", amountPence: 500, inKindPence: 0 },
      { partner: "icb", name: "ICB", amountPence: 0, inKindPence: 0 },
    ]);
    expect(second?.gapPence).toBe(100);
    expect(result.totals.gapPence).toBe(50);
  });

  test("refuses an invalid plan, listing every issue with its path", () => {
    const error = failure(() =>
      planFunding({
        ...lancashirePlan,
        name: " ",
        workstreams: [
          { key: "a", name: "A", percent: 60 },
          { key: "b", name: "B", percent: 30 },
        ],
        costs: [{ financialYear: "2013/14", amountPence: -1 }],
        contributions: [{ partner: "police", financialYear: "2014/15", amountPence: 1.5 }],
        carryForwards: [{ from: "2015/16", to: "2013/14", amountPence: 1 }],
      }),
    );
    expect(error.code).toBe("invalid_plan");
    expect(error.issues).toEqual([
      "name: must not be empty",
      "costs.0.amountPence: must not be negative",
      "contributions.0.amountPence: must be a whole number of pence within the safe integer range",
    ]);
    expect(error.message).toBe(
      [
        "The funding plan is not valid:",
        "- name: must not be empty",
        "- costs.0.amountPence: must not be negative",
        "- contributions.0.amountPence: must be a whole number of pence within the safe integer range",
      ].join("\n"),
    );
    expect(error.cause).toBeDefined();
  });

  test("refuses cross-field problems once the fields themselves are valid", () => {
    const error = failure(() =>
      planFunding({
        ...lancashirePlan,
        workstreams: [
          { key: "a", name: "A", percent: 60 },
          { key: "b", name: "B", percent: 30 },
        ],
        contributions: [{ partner: "police", financialYear: "2014/15", amountPence: 1 }],
        carryForwards: [{ from: "2015/16", to: "2013/14", amountPence: 1 }],
      }),
    );
    expect(error.issues).toEqual([
      "carryForwards.0.to: must be a later financial year than 2015/16",
      'contributions.0.partner: "police" is not a partner in this plan',
      "workstreams: percentages must add up to 100 (they add up to 90)",
    ]);
  });

  test("refuses something that is not a plan at all", () => {
    for (const notAPlan of [null, "plan", 42, []]) {
      const error = failure(() => planFunding(notAPlan));
      expect(error.code).toBe("invalid_plan");
      expect(error.issues.length).toBeGreaterThan(0);
    }
    expect(failure(() => planFunding({})).issues).toEqual([
      "name: is required",
      expect.stringMatching(/^financialYears: /) as unknown as string,
    ]);
  });

  test("refuses a plan whose totals overflow the safe range of pence", () => {
    const max = Number.MAX_SAFE_INTEGER;
    const error = failure(() =>
      planFunding({
        name: "Too big",
        financialYears: ["2020/21"],
        grants: [
          { name: "A", financialYear: "2020/21", amountPence: max },
          { name: "B", financialYear: "2020/21", amountPence: max },
        ],
      }),
    );
    expect(error.code).toBe("invalid_money");
    expect(error.message).toContain("Grants in 2020/21 comes to 18014398509481982 pence");
  });
});

describe("planFunding's contributions by partner", () => {
  const YEARS = ["2025/26", "2026/27", "2027/28"];
  const PARTNERS = ["county", "police", "nhs"];
  const contribution = fc.record({
    partner: fc.constantFrom(...PARTNERS),
    financialYear: fc.constantFrom(...YEARS),
    amountPence: fc.integer({ min: 0, max: 1e9 }),
    kind: fc.constantFrom("cash" as const, "in_kind" as const),
  });

  test("property: each partner's year is the sum of its own rows of that year and kind", () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 30 }), (contributions) => {
        const result = planFunding({
          name: "Property plan",
          financialYears: YEARS,
          partners: PARTNERS.map((key) => ({ key, name: key })),
          costs: YEARS.map((financialYear) => ({ financialYear, amountPence: 1_000 })),
          contributions,
        });
        const sum = (partner: string, year: string, kind: string) =>
          contributions
            .filter(
              (row) => row.partner === partner && row.financialYear === year && row.kind === kind,
            )
            .reduce((total, row) => total + row.amountPence, 0);
        for (const year of result.years) {
          expect(year.contributionsByPartner).toEqual(
            PARTNERS.map((partner) => ({
              partner,
              name: partner,
              amountPence: sum(partner, year.financialYear, "cash"),
              inKindPence: sum(partner, year.financialYear, "in_kind"),
            })),
          );
        }
      }),
    );
  });
});
