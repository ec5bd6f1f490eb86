import { expect, test } from "vitest";

import { compareFundingPlans } from "./compare-plans";
import { planFunding } from "./plan-funding";

// Lancashire's Year 1 by workstream (allocation against forecast), Year 2 with one outturn known.
const plan = {
  name: "Lancashire by workstream",
  financialYears: ["2013/14", "2014/15"],
  partners: [
    { key: "county", name: "County council" },
    { key: "pcc", name: "Police and Crime Commissioner", endDate: "2014-03-31" },
  ],
  workstreams: [
    { key: "workforce", name: "Workforce and coordination", percent: 5 },
    { key: "early", name: "Early Support", percent: 17 },
    { key: "risk", name: "Medium and High Risk Support", percent: 68 },
    { key: "perpetrators", name: "Perpetrators", percent: 10 },
  ],
  costs: [
    { financialYear: "2013/14", amountPence: 104_700_200 },
    { financialYear: "2014/15", amountPence: 150_244_900 },
  ],
  contributions: [
    { partner: "county", financialYear: "2013/14", amountPence: 100_000_000 },
    { partner: "pcc", financialYear: "2013/14", amountPence: 50_254_800 },
    { partner: "county", financialYear: "2014/15", amountPence: 104_700_000 },
    { partner: "pcc", financialYear: "2014/15", amountPence: 2_000_000, kind: "in_kind" as const },
  ],
  grants: [
    {
      name: "Home Office",
      financialYear: "2014/15",
      amountPence: 1_000_000,
      endDate: "2014-03-31",
    },
  ],
  carryForwards: [{ from: "2013/14", to: "2014/15", amountPence: 45_554_600 }],
  workstreamCosts: [
    {
      workstream: "workforce",
      financialYear: "2013/14",
      budgetPence: 7_512_700,
      forecastPence: 3_756_300,
    },
    {
      workstream: "early",
      financialYear: "2013/14",
      budgetPence: 25_543_300,
      forecastPence: 18_728_800,
    },
    {
      workstream: "risk",
      financialYear: "2013/14",
      budgetPence: 102_173_300,
      forecastPence: 80_963_000,
    },
    {
      workstream: "perpetrators",
      financialYear: "2013/14",
      budgetPence: 15_025_500,
      forecastPence: 1_252_100,
    },
    {
      workstream: "workforce",
      financialYear: "2014/15",
      budgetPence: 7_512_200,
      forecastPence: 7_000_000,
      outturnPence: 7_600_000,
    },
    { workstream: "early", financialYear: "2014/15", budgetPence: 25_541_600 },
  ],
};

test("each year gives every workstream's budget against its forecast or outturn", () => {
  const [year1, year2] = planFunding(plan).years;
  expect(
    year1?.workstreamCosts.map((cost) => [cost.key, cost.spendPence, cost.variancePence]),
  ).toEqual([
    ["workforce", 3_756_300, 3_756_400],
    ["early", 18_728_800, 6_814_500],
    ["risk", 80_963_000, 21_210_300],
    ["perpetrators", 1_252_100, 13_773_400],
  ]);
  expect(year2?.workstreamCosts).toEqual([
    {
      key: "workforce",
      name: "Workforce and coordination",
      budgetPence: 7_512_200,
      forecastPence: 7_000_000,
      outturnPence: 7_600_000,
      // The outturn, once known, replaces the forecast: an overspend of £876.
      spendPence: 7_600_000,
      basis: "outturn",
      variancePence: -87_800,
    },
    {
      key: "early",
      name: "Early Support",
      budgetPence: 25_541_600,
      forecastPence: null,
      outturnPence: null,
      spendPence: null,
      basis: null,
      variancePence: null,
    },
  ]);
});

test("over the plan, budgets add up and variance counts only the years whose spend is known", () => {
  const { totals } = planFunding(plan);
  const workforce = totals.workstreamCosts.find((cost) => cost.key === "workforce");
  expect(workforce).toMatchObject({
    budgetPence: 15_024_900,
    spendPence: 11_356_300,
    basis: "forecast",
    variancePence: 3_668_600,
  });
  const early = totals.workstreamCosts.find((cost) => cost.key === "early");
  expect(early).toMatchObject({
    budgetPence: 51_084_900,
    spendPence: 18_728_800,
    variancePence: 6_814_500,
  });
});

test("contributions in kind are reported beside the income, never in it", () => {
  const [, year2] = planFunding(plan).years;
  expect(year2?.inKindPence).toBe(2_000_000);
  expect(year2?.income.contributionsPence).toBe(104_700_000);
  expect(year2?.contributionsByPartner.find((part) => part.partner === "pcc")).toEqual({
    partner: "pcc",
    name: "Police and Crime Commissioner",
    amountPence: 0,
    inKindPence: 2_000_000,
  });
});

test("over the plan, money in leaves out carry-forwards, which only move money between years", () => {
  const { totals } = planFunding(plan);
  expect(totals.income.carryForwardInPence).toBe(45_554_600);
  expect(totals.income.newMoneyPence).toBe(100_000_000 + 50_254_800 + 104_700_000 + 1_000_000);
  expect(totals.income.totalPence - totals.income.newMoneyPence).toBe(45_554_600);
  expect(totals.gapPence).toBe(totals.costPence - totals.income.newMoneyPence);
});

test("warns of a grant counted after it ends, as of a partner's contribution", () => {
  const { warnings } = planFunding(plan);
  expect(warnings.map((warning) => warning.code)).toContain("grant_after_end");
  expect(warnings.find((warning) => warning.code === "grant_after_end")?.message).toBe(
    "Home Office is counted in 2014/15, after it ends on 2014-03-31",
  );
});

test("comparing a scenario where a partner leaves shows the change per year and in total", () => {
  const scenario = {
    ...plan,
    financialYears: ["2013/14", "2014/15", "2015/16"],
    contributions: plan.contributions.filter((row) => row.partner !== "pcc"),
    partners: plan.partners.filter((partner) => partner.key !== "pcc"),
  };
  const { years, totals } = compareFundingPlans(planFunding(plan), planFunding(scenario));
  expect(years.map((year) => [year.financialYear, year.changed])).toEqual([
    ["2013/14", true],
    ["2014/15", true],
    ["2015/16", false],
  ]);
  const line = (key: string) => totals.lines.find((found) => found.key === key);
  expect(line("partner:pcc")).toEqual({
    key: "partner:pcc",
    label: "Police and Crime Commissioner",
    beforePence: 50_254_800,
    afterPence: null,
    differencePence: -50_254_800,
  });
  expect(line("gap")?.differencePence).toBe(50_254_800);
  expect(line("inKind")?.differencePence).toBe(-2_000_000);
  expect(years[2]?.lines.find((found) => found.key === "cost")).toMatchObject({
    beforePence: null,
    afterPence: 0,
    differencePence: 0,
  });
  // The other way round, the year only the scenario has is missing from the "after".
  const back = compareFundingPlans(planFunding(scenario), planFunding(plan));
  expect(back.years[2]?.lines.find((found) => found.key === "cost")?.afterPence).toBeNull();
  expect(totals.lines.map((found) => found.key).slice(0, 4)).toEqual([
    "cost",
    "contributions",
    "partner:county",
    "partner:pcc",
  ]);
});
