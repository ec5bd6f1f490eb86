import { describe, expect, test } from "vitest";

import { planFunding } from "@dapkit/funding";
import { FundingPlanSchema } from "@dapkit/schemas";

import {
  emptyForm,
  formOf,
  formProblems,
  newPartner,
  withYearCount,
  type PlanForm,
} from "./plan-form-model";

// Oxfordshire, 2018/19 and 2019/20: a £335,000 contract, the county's £200,000 budget, and the
// districts and the Police and Crime Commissioner closing the gap.
function oxfordshire(): PlanForm {
  const form = withYearCount(
    { ...emptyForm(), name: "Oxfordshire co-funded", firstYear: "2018/19" },
    2,
  );
  const partner = (name: string, sector: string, cash: string[]) => ({
    ...newPartner(2),
    name,
    sector,
    cash,
  });
  return {
    ...form,
    costs: ["£335,000", "335000"],
    partners: [
      partner("Oxfordshire County Council", "social_care", ["£200,000", "£200,000"]),
      partner("Police and Crime Commissioner", "criminal_justice", ["£60,000", "£60,000"]),
      partner("Oxford City Council", "housing", ["£25,000", "£25,000"]),
      partner("Cherwell District Council", "housing", ["£25,000", "£25,000"]),
      partner("West Oxfordshire District Council", "housing", ["£25,000", "£25,000"]),
    ],
  };
}

describe("the plan form", () => {
  test("builds the plan the shared schema accepts, and round-trips a stored plan", () => {
    const { plan, problems } = formProblems(oxfordshire());
    expect(problems).toEqual([]);
    const result = planFunding(plan);
    expect(result.years.map((year) => year.gapPence)).toEqual([0, 0]);
    expect(result.totals.contributionsByPartner[2]?.amountPence).toBe(5_000_000);
    const again = formProblems(formOf("Oxfordshire co-funded", FundingPlanSchema.parse(plan)));
    expect(again.plan).toEqual(plan);
  });

  test("each problem points at its input, named by partner and year", () => {
    const form = oxfordshire();
    const partners = form.partners.map((partner, index) =>
      index === 1 ? { ...partner, cash: ["£60,000", "lots"] } : partner,
    );
    const { problems } = formProblems({
      ...form,
      partners: [...partners, { ...newPartner(2), name: "", endDate: "31/03/2019" }],
    });
    expect(problems).toEqual([
      {
        field: "partner-1-cash-1",
        message:
          "Police and Crime Commissioner's 2019/20 cash contribution must be an amount in pounds, like £20,000",
      },
      { field: "partner-5-name", message: "Partner 6's name must not be empty" },
      {
        field: "partner-5-endDate",
        message: "Partner 6's end date must be a date in the form YYYY-MM-DD",
      },
    ]);
  });

  test("a year that cannot be read, and a carry-forward into an earlier year, are refused at their fields", () => {
    expect(formProblems({ ...oxfordshire(), firstYear: "next year" }).problems[0]?.field).toBe(
      "firstYear",
    );
    const { problems } = formProblems({
      ...oxfordshire(),
      carryForwards: [{ from: "2019/20", to: "2018/19", amount: "£1,000" }],
    });
    expect(problems).toEqual([
      {
        field: "carry-0-to",
        message: "Carry-forward 1's year to must be a later financial year than 2019/20",
      },
    ]);
  });
});
