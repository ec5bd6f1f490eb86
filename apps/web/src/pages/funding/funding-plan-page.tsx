import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { formatDate } from "@dapkit/schemas";
import { formatMoney } from "@dapkit/funding";

import { GroupedBarChart } from "../../components/charts/grouped-bar-chart";
import { DataTable } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { QueryState } from "../../components/query-state";
import { BackLink, InsetText, PageHeading, WarningText } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../lib/page-title";
import { trpc, type Outputs } from "../../trpc";
import { gapWords } from "./gap-words";

type Plan = Outputs["funding"]["get"];
type Year = Plan["result"]["years"][number];
type Check = Plan["varianceChecks"][number];

function YearTable({ plan }: { plan: Plan }) {
  const { years, totals } = plan.result;
  const rows: (Year | (typeof totals & { financialYear: "Total" }))[] = [
    ...years,
    { ...totals, financialYear: "Total" },
  ];
  return (
    <div className="app-scroll">
      <DataTable
        caption="Cost and income by financial year"
        rows={rows}
        rowKey={(row) => row.financialYear}
        columns={[
          { header: "Year", rowHeader: true, cell: (row) => row.financialYear },
          { header: "Cost", numeric: true, cell: (row) => formatMoney(row.costPence) },
          {
            header: "Contributions",
            numeric: true,
            cell: (row) => formatMoney(row.income.contributionsPence),
          },
          { header: "Grants", numeric: true, cell: (row) => formatMoney(row.income.grantsPence) },
          {
            header: "Reserves",
            numeric: true,
            cell: (row) => formatMoney(row.income.reserveDrawdownsPence),
          },
          {
            header: "Carried in",
            numeric: true,
            cell: (row) => formatMoney(row.income.carryForwardInPence),
          },
          {
            header: "Carried out",
            numeric: true,
            cell: (row) => formatMoney(row.carryForwardOutPence),
          },
          {
            header: "Gap",
            cell: (row) => <span className="app-nowrap">{gapWords(row.gapPence)}</span>,
          },
        ]}
      />
    </div>
  );
}

function WorkstreamTable({ plan }: { plan: Plan }) {
  const { years, totals } = plan.result;
  if (totals.workstreams.length === 0) return null;
  return (
    <div className="app-scroll">
      <DataTable
        caption="Allocation to workstreams"
        rows={totals.workstreams}
        rowKey={(row) => row.key}
        columns={[
          { header: "Workstream", rowHeader: true, cell: (row) => row.name },
          ...years.map((year) => ({
            header: year.financialYear,
            numeric: true,
            cell: (row: (typeof totals.workstreams)[number]) =>
              formatMoney(
                year.workstreams.find((workstream) => workstream.key === row.key)?.amountPence ?? 0,
              ),
          })),
          { header: "Total", numeric: true, cell: (row) => formatMoney(row.amountPence) },
        ]}
      />
    </div>
  );
}

function VarianceChecks({ checks }: { checks: readonly Check[] }) {
  if (checks.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Checks of published tables</h2>
      {checks.map((check) => (
        <section key={check.title} aria-label={check.title}>
          <h3 className="govuk-heading-s">{check.title}</h3>
          {check.discrepancies.length === 0 ? (
            <InsetText>The allocations, forecasts and variances in this table add up.</InsetText>
          ) : (
            <>
              <p className="govuk-body">
                {check.discrepancies.length === 1
                  ? "1 figure in this table does not add up:"
                  : `${check.discrepancies.length} figures in this table do not add up:`}
              </p>
              {check.discrepancies.map((discrepancy, index) => (
                <WarningText key={index}>{discrepancy.message}</WarningText>
              ))}
            </>
          )}
        </section>
      ))}
    </>
  );
}

export function FundingPlanPage() {
  const { planId = "" } = useParams();
  const query = useQuery(trpc.funding.get.queryOptions({ id: planId }));
  usePageTitle(query.data?.name ?? "Funding plan");
  return (
    <>
      <BackLink to="/funding">Back to funding plans</BackLink>
      <QueryState query={query} what="funding plan">
        {(plan) => (
          <>
            <PageHeading caption="Funding plan">{plan.name}</PageHeading>
            <SummaryList
              rows={[
                { key: "Financial years", value: plan.plan.financialYears.join(", ") },
                { key: "Total cost", value: formatMoney(plan.result.totals.costPence) },
                { key: "Total income", value: formatMoney(plan.result.totals.income.totalPence) },
                {
                  key: "Over the whole plan",
                  value: <strong>{gapWords(plan.result.totals.gapPence)}</strong>,
                },
                {
                  key: "Partners",
                  value: plan.plan.partners.map((partner) => partner.name).join(", ") || "None",
                },
                {
                  key: "Last changed",
                  value: `${formatDate(plan.updatedAt)} by ${plan.updatedBy.name}`,
                },
              ]}
            />
            <h2 className="govuk-heading-m">Cost and income each year</h2>
            <GroupedBarChart
              title={`Cost and income by financial year for ${plan.name}. The figures are in the table below.`}
              series={["Cost", "Income"]}
              groups={plan.result.years.map((year) => ({
                label: year.financialYear,
                values: [year.costPence, year.income.totalPence],
              }))}
            />
            <YearTable plan={plan} />
            <DownloadLink
              name="funding-years"
              description="this plan, year by year"
              query={{ planId: plan.id }}
            />
            <WorkstreamTable plan={plan} />
            <VarianceChecks checks={plan.varianceChecks} />
          </>
        )}
      </QueryState>
    </>
  );
}
