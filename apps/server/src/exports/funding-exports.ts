import { defineExport, queryFilter, type Caller } from "./define-export";

// Every year of every plan the user may read, one row each; a plan page's download carries its
// plan (`?planId=…`) and holds that plan's years only.
async function planYears(caller: Caller, query: URLSearchParams) {
  const { planId } = queryFilter(query, ["planId"]);
  const ids = planId === undefined ? (await caller.funding.list()).map(({ id }) => id) : [planId];
  const plans = await Promise.all(ids.map((id) => caller.funding.get({ id })));
  return plans.flatMap((plan) => plan.result.years.map((year) => ({ plan: plan.name, ...year })));
}

export const fundingYearsExport = defineExport({
  name: "funding-years",
  title: "Funding plan years",
  rows: planYears,
  columns: [
    { header: "Plan", value: (year) => year.plan },
    { header: "Financial year", value: (year) => year.financialYear },
    { header: "Cost (£)", value: (year) => year.costPence, format: "money" },
    {
      header: "Partner contributions (£)",
      value: (year) => year.income.contributionsPence,
      format: "money",
    },
    { header: "Grants (£)", value: (year) => year.income.grantsPence, format: "money" },
    {
      header: "Reserve drawdowns (£)",
      value: (year) => year.income.reserveDrawdownsPence,
      format: "money",
    },
    { header: "Carried in (£)", value: (year) => year.income.carryForwardInPence, format: "money" },
    { header: "Total income (£)", value: (year) => year.income.totalPence, format: "money" },
    { header: "Carried out (£)", value: (year) => year.carryForwardOutPence, format: "money" },
    // Positive is a shortfall, negative a surplus, as in the plan view.
    { header: "Gap (£)", value: (year) => year.gapPence, format: "money" },
  ],
});
