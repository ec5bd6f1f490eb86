import { queryFilter, sheet, type Caller, type ExportDefinition } from "./define-export";

type Plan = Awaited<ReturnType<Caller["funding"]["get"]>>;

// The plan a plan page's download names (`?planId=…`), or every plan the user may read.
async function plansAsked(caller: Caller, query: URLSearchParams): Promise<Plan[]> {
  const { planId } = queryFilter(query, ["planId"]);
  const ids = planId === undefined ? (await caller.funding.list()).map(({ id }) => id) : [planId];
  return Promise.all(ids.map((id) => caller.funding.get({ id })));
}

const TOTAL = "Total";

// Each year and then the plan's total, as the plan page shows them.
function yearsAndTotal(plan: Plan) {
  return [...plan.result.years, { ...plan.result.totals, financialYear: TOTAL }].map((figures) => ({
    plan: plan.name,
    ...figures,
  }));
}

type Figures = ReturnType<typeof yearsAndTotal>[number];

/**
 * A plan as a workbook for finance: cost, each kind of income and the gap by year (carry-forwards
 * as movements beside money in, never added to it), each partner's cash and in-kind contributions
 * and share, and each workstream's allocation, budget and spend. Money cells hold pounds in a £
 * format and shares a % format, so the figures sum in Excel.
 */
export const fundingPlanExport: ExportDefinition = {
  name: "funding-plan",
  title: "Funding plan",
  sheets: [
    sheet({
      title: "Years",
      rows: async (caller, query) => (await plansAsked(caller, query)).flatMap(yearsAndTotal),
      columns: [
        { header: "Plan", value: (row: Figures) => row.plan },
        { header: "Financial year", value: (row) => row.financialYear },
        { header: "Cost", value: (row) => row.costPence, format: "money" },
        {
          header: "Partner contributions (cash)",
          value: (row) => row.income.contributionsPence,
          format: "money",
        },
        { header: "Grants", value: (row) => row.income.grantsPence, format: "money" },
        {
          header: "Reserve drawdowns",
          value: (row) => row.income.reserveDrawdownsPence,
          format: "money",
        },
        {
          header: "Money in (without carry-forwards)",
          value: (row) => row.income.newMoneyPence,
          format: "money",
        },
        {
          header: "Carried in from earlier years",
          value: (row) => row.income.carryForwardInPence,
          format: "money",
        },
        {
          header: "Carried out to later years",
          value: (row) => row.carryForwardOutPence,
          format: "money",
        },
        // Positive is a shortfall, negative a surplus, as on the plan page.
        { header: "Gap (shortfall positive)", value: (row) => row.gapPence, format: "money" },
        { header: "Contributions in kind", value: (row) => row.inKindPence, format: "money" },
      ],
    }),
    sheet({
      title: "Partners",
      rows: async (caller, query) =>
        (await plansAsked(caller, query)).flatMap((plan) =>
          yearsAndTotal(plan).flatMap((figures) =>
            figures.contributionsByPartner.map((part) => ({
              plan: plan.name,
              financialYear: figures.financialYear,
              ...part,
              share:
                figures.income.contributionsPence === 0
                  ? null
                  : part.amountPence / figures.income.contributionsPence,
            })),
          ),
        ),
      columns: [
        { header: "Plan", value: (row) => row.plan },
        { header: "Partner", value: (row) => row.name },
        { header: "Financial year", value: (row) => row.financialYear },
        { header: "Cash", value: (row) => row.amountPence, format: "money" },
        { header: "In kind", value: (row) => row.inKindPence, format: "money" },
        { header: "Share of partners' cash", value: (row) => row.share, format: "percent" },
      ],
    }),
    sheet({
      title: "Workstreams",
      rows: async (caller, query) =>
        (await plansAsked(caller, query)).flatMap((plan) =>
          yearsAndTotal(plan).flatMap((figures) =>
            plan.plan.workstreams.map((workstream) => {
              const cost = figures.workstreamCosts.find((line) => line.key === workstream.key);
              return {
                plan: plan.name,
                financialYear: figures.financialYear,
                name: workstream.name,
                allocationPence:
                  figures.workstreams.find((part) => part.key === workstream.key)?.amountPence ??
                  null,
                budgetPence: cost?.budgetPence ?? null,
                spendPence: cost?.spendPence ?? null,
                basis: cost?.basis ?? null,
                variancePence: cost?.variancePence ?? null,
              };
            }),
          ),
        ),
      columns: [
        { header: "Plan", value: (row) => row.plan },
        { header: "Workstream", value: (row) => row.name },
        { header: "Financial year", value: (row) => row.financialYear },
        { header: "Share of cost", value: (row) => row.allocationPence, format: "money" },
        { header: "Budget", value: (row) => row.budgetPence, format: "money" },
        { header: "Forecast or outturn", value: (row) => row.spendPence, format: "money" },
        { header: "Spend is", value: (row) => row.basis },
        {
          header: "Variance (underspend positive)",
          value: (row) => row.variancePence,
          format: "money",
        },
      ],
    }),
  ],
};
