import { defineExport, pounds, type Caller } from "./define-export";

// Every year of every plan the user may read, one row each.
async function planYears(caller: Caller) {
  const plans = await Promise.all(
    (await caller.funding.list()).map(({ id }) => caller.funding.get({ id })),
  );
  return plans.flatMap((plan) => plan.result.years.map((year) => ({ plan: plan.name, ...year })));
}

export const fundingYearsExport = defineExport({
  name: "funding-years",
  title: "Funding plan years",
  rows: planYears,
  columns: [
    { header: "Plan", value: (year) => year.plan },
    { header: "Financial year", value: (year) => year.financialYear },
    { header: "Cost (£)", value: (year) => pounds(year.costPence) },
    {
      header: "Partner contributions (£)",
      value: (year) => pounds(year.income.contributionsPence),
    },
    { header: "Grants (£)", value: (year) => pounds(year.income.grantsPence) },
    { header: "Reserve drawdowns (£)", value: (year) => pounds(year.income.reserveDrawdownsPence) },
    { header: "Carried in (£)", value: (year) => pounds(year.income.carryForwardInPence) },
    { header: "Total income (£)", value: (year) => pounds(year.income.totalPence) },
    { header: "Carried out (£)", value: (year) => pounds(year.carryForwardOutPence) },
    // Positive is a shortfall, negative a surplus, as in the plan view.
    { header: "Gap (£)", value: (year) => pounds(year.gapPence) },
  ],
});
