import { expect, test } from "vitest";

import { planFunding } from "./plan-funding";

const base = {
  name: "Oxfordshire",
  financialYears: ["2017/18", "2018/19"],
  partners: [
    { key: "occ", name: "Oxfordshire County Council" },
    { key: "pcc", name: "Police and Crime Commissioner", endDate: "2018-03-31" },
  ],
  costs: [
    { financialYear: "2017/18", amountPence: 33_500_000 },
    { financialYear: "2018/19", amountPence: 33_500_000 },
  ],
  contributions: [
    { partner: "occ", financialYear: "2017/18", amountPence: 20_000_000 },
    { partner: "pcc", financialYear: "2017/18", amountPence: 13_500_000 },
    { partner: "occ", financialYear: "2018/19", amountPence: 33_500_000 },
  ],
};

test("a plan without anything suspicious has no warnings", () => {
  expect(planFunding(base).warnings).toEqual([]);
});

test("a carry-forward larger than the year's surplus is a warning naming both amounts", () => {
  const plan = {
    ...base,
    contributions: [
      ...base.contributions,
      { partner: "occ", financialYear: "2017/18", amountPence: 1_000_000 },
    ],
    carryForwards: [{ from: "2017/18", to: "2018/19", amountPence: 5_000_000 }],
  };
  expect(planFunding(plan).warnings).toEqual([
    {
      code: "carry_forward_exceeds_surplus",
      financialYear: "2017/18",
      message:
        "2017/18 carries forward £50,000 but has a surplus of only £10,000 (income £345,000 less cost £335,000)",
    },
  ]);
  const withinSurplus = {
    ...plan,
    carryForwards: [{ from: "2017/18", to: "2018/19", amountPence: 1_000_000 }],
  };
  expect(planFunding(withinSurplus).warnings).toEqual([]);
});

test("a year without a cost line is a warning", () => {
  const plan = { ...base, costs: base.costs.slice(0, 1) };
  expect(planFunding(plan).warnings).toEqual([
    {
      code: "year_without_cost",
      financialYear: "2018/19",
      message: "2018/19 has no cost line, so its cost counts as £0",
    },
  ]);
});

test("a contribution in a year that starts after the partner's end date is a warning", () => {
  const plan = {
    ...base,
    contributions: [
      ...base.contributions,
      { partner: "pcc", financialYear: "2018/19", amountPence: 1 },
    ],
  };
  expect(planFunding(plan).warnings).toEqual([
    {
      code: "contribution_after_partner_end",
      financialYear: "2018/19",
      message:
        "Police and Crime Commissioner contributes in 2018/19, after its end date of 2018-03-31",
    },
  ]);
  // A nil line after leaving, or an end date inside the year, is not a mistake.
  const nil = {
    ...plan,
    contributions: [...base.contributions, { ...plan.contributions[3], amountPence: 0 }],
  };
  expect(planFunding(nil).warnings).toEqual([]);
  const midYear = {
    ...plan,
    partners: [base.partners[0], { ...base.partners[1], endDate: "2018-09-30" }],
  };
  expect(planFunding(midYear).warnings).toEqual([]);
});

test("planFunding refuses a misspelt field rather than dropping it", () => {
  const { contributions, ...rest } = base;
  expect(() => planFunding({ ...rest, contribution: contributions })).toThrow(
    'The funding plan is not valid:\n- Unrecognized key: "contribution"',
  );
  expect(() =>
    planFunding({
      ...base,
      reserveDrawdown: [{ reserve: "R", financialYear: "2017/18", amountPence: 1 }],
    }),
  ).toThrow(/Unrecognized key: "reserveDrawdown"/);
});
