import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import { formatDate } from "@dapkit/schemas";
import { formatMoney, splitAtDisplayUnit } from "@dapkit/funding";

import { ButtonLink, ButtonGroup } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { DownloadLink, exportUrl } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, InsetText, PageHeading, WarningText } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { FundingChart } from "./funding-chart";
import { gapWords } from "./gap-words";
import { PartnerTable } from "./partner-table";
import "./funding.css";

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
            header: "Money in",
            numeric: true,
            cell: (row) => formatMoney(row.income.newMoneyPence),
          },
          {
            header: "Carried in (movement)",
            numeric: true,
            cell: (row) => formatMoney(row.income.carryForwardInPence),
          },
          {
            header: "Carried out (movement)",
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
  // Printed in pounds, so rounded at the pound by largest remainder: the table adds up as shown.
  const printed = splitAtDisplayUnit(
    totals.workstreams.map((workstream) =>
      years.map(
        (year) => year.workstreams.find((part) => part.key === workstream.key)?.amountPence ?? 0,
      ),
    ),
  );
  const rows = totals.workstreams.map((workstream, index) => ({
    ...workstream,
    years: printed.rows[index] ?? [],
    totalPence: printed.rowTotals[index] ?? 0,
  }));
  return (
    <DataTable
      caption="Cost by workstream (to the pound; each row and column adds up as printed)"
      rows={[
        ...rows,
        {
          key: "",
          name: "Total",
          amountPence: 0,
          years: printed.columnTotals,
          totalPence: printed.totalPence,
        },
      ]}
      rowKey={(row) => row.key}
      columns={[
        { header: "Workstream", rowHeader: true, cell: (row) => row.name },
        ...years.map((year, y) => ({
          header: year.financialYear,
          numeric: true,
          cell: (row: (typeof rows)[number]) => formatMoney(row.years[y] ?? 0),
        })),
        { header: "Total", numeric: true, cell: (row) => formatMoney(row.totalPence) },
      ]}
    />
  );
}

function WorkstreamCosts({ plan }: { plan: Plan }) {
  const lines = plan.result.years.flatMap((year) =>
    year.workstreamCosts.map((cost) => ({ ...cost, financialYear: year.financialYear })),
  );
  if (lines.length === 0) return null;
  const money = (pence: number | null) => (pence == null ? "Not known yet" : formatMoney(pence));
  return (
    <DataTable
      caption="Workstream budgets against forecast or outturn"
      rows={lines}
      rowKey={(row) => `${row.key} ${row.financialYear}`}
      columns={[
        { header: "Workstream", rowHeader: true, cell: (row) => row.name },
        { header: "Year", cell: (row) => row.financialYear },
        { header: "Budget", numeric: true, cell: (row) => formatMoney(row.budgetPence) },
        {
          header: "Forecast or outturn",
          numeric: true,
          cell: (row) =>
            row.basis == null ? money(null) : `${money(row.spendPence)} (${row.basis})`,
        },
        {
          header: "Variance",
          numeric: true,
          cell: (row) =>
            row.variancePence == null
              ? money(null)
              : row.variancePence >= 0
                ? `${formatMoney(row.variancePence)} under`
                : `${formatMoney(-row.variancePence)} over`,
        },
      ]}
    />
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
  const manage = can(useCurrentUser(), "manageFunding");
  return (
    <>
      <BackLink to="/funding">Back to funding plans</BackLink>
      <FlashBanner />
      <QueryState query={query} what="funding plan">
        {(plan) => {
          const { totals } = plan.result;
          return (
            <>
              <PageHeading caption="Funding plan">{plan.name}</PageHeading>
              {plan.scenario == null ? null : (
                <InsetText>
                  A scenario: {plan.scenario}.
                  {plan.copiedFrom == null ? null : (
                    <>
                      {" "}
                      Copied from{" "}
                      <Link className="govuk-link" to={`/funding/${plan.copiedFrom.id}`}>
                        {plan.copiedFrom.name}
                      </Link>
                      .
                    </>
                  )}
                </InsetText>
              )}
              {manage ? (
                <ButtonGroup>
                  <ButtonLink to={`/funding/${plan.id}/edit`}>Change the plan</ButtonLink>
                  <ButtonLink variant="secondary" to={`/funding/${plan.id}/copy`}>
                    Copy into a scenario
                  </ButtonLink>
                  <ButtonLink
                    variant="secondary"
                    to={`/funding/compare?before=${plan.copiedFrom?.id ?? plan.id}&after=${plan.id}`}
                  >
                    Compare with another version
                  </ButtonLink>
                </ButtonGroup>
              ) : null}
              <SummaryList
                rows={[
                  { key: "Financial years", value: plan.plan.financialYears.join(", ") },
                  { key: "Total cost", value: formatMoney(totals.costPence) },
                  {
                    key: "Money in",
                    value: `${formatMoney(totals.income.newMoneyPence)} (partners' cash, grants and reserves)`,
                  },
                  {
                    key: "Moved between years",
                    value:
                      plan.plan.carryForwards.length === 0
                        ? "Nothing carried forward"
                        : plan.plan.carryForwards
                            .map(
                              (carry) =>
                                `${formatMoney(carry.amountPence)} from ${carry.from} to ${carry.to}`,
                            )
                            .join("; "),
                  },
                  ...(totals.inKindPence === 0
                    ? []
                    : [{ key: "In kind (not money in)", value: formatMoney(totals.inKindPence) }]),
                  {
                    key: "Over the whole plan",
                    value: <strong>{gapWords(totals.gapPence)}</strong>,
                  },
                  {
                    key: "Last changed",
                    value: `${formatDate(plan.updatedAt)} by ${plan.updatedBy.name}`,
                  },
                ]}
              />
              {plan.result.warnings.map((warning) => (
                <WarningText key={`${warning.code} ${warning.financialYear} ${warning.message}`}>
                  {warning.message}
                </WarningText>
              ))}
              <h2 className="govuk-heading-m">Cost, income and gap each year</h2>
              <FundingChart
                title={`Cost, income by kind and the gap each year for ${plan.name}. The figures are in the table below.`}
                years={plan.result.years}
              />
              <YearTable plan={plan} />
              <p className="govuk-body">
                Carried in and out are movements of an underspend between the plan&apos;s years, not
                money in: over the whole plan they cancel out.
              </p>
              <DownloadLink
                name="funding-years"
                description="this plan, year by year"
                query={{ planId: plan.id }}
              />
              <p className="govuk-body">
                <a
                  className="govuk-link"
                  href={exportUrl("funding-plan", "xlsx", { planId: plan.id })}
                  download
                >
                  Download the whole plan as an Excel workbook
                </a>{" "}
                (years, partners and workstreams)
              </p>
              <PartnerTable plan={plan} />
              <WorkstreamTable plan={plan} />
              <WorkstreamCosts plan={plan} />
              <VarianceChecks checks={plan.varianceChecks} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
