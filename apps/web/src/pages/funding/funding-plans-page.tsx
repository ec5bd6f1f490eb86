import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate } from "@dapkit/schemas";
import { formatMoney } from "@dapkit/funding";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { gapWords } from "./gap-words";

type Plan = Outputs["funding"]["list"][number];

export function FundingPlansPage() {
  usePageTitle("Funding plans");
  const list = useQuery(trpc.funding.list.queryOptions());
  const manage = can(useCurrentUser(), "manageFunding");
  return (
    <>
      <PageHeading caption="Co-commissioning">Funding plans</PageHeading>
      <p className="govuk-body-l">
        Who pays what, year by year, and whether the money meets the cost.
      </p>
      <ButtonGroup>
        {manage ? <ButtonLink to="/funding/new">Add a funding plan</ButtonLink> : null}
        <ButtonLink variant="secondary" to="/funding/compare">
          Compare two plans
        </ButtonLink>
        <ButtonLink variant="secondary" to="/funding/check-table">
          Check a council table
        </ButtonLink>
      </ButtonGroup>
      <DownloadLink name="funding-years" description="every plan, year by year" />
      <QueryState query={list} what="funding plans">
        {(plans) => (
          <DataTable<Plan>
            caption="Stored funding plans"
            rows={plans}
            rowKey={(plan) => plan.id}
            empty="No funding plans have been stored yet."
            columns={[
              {
                header: "Plan",
                rowHeader: true,
                cell: (plan) => (
                  <Link className="govuk-link" to={`/funding/${plan.id}`}>
                    {plan.name}
                  </Link>
                ),
              },
              {
                header: "Scenario",
                cell: (plan) =>
                  plan.scenario == null
                    ? "None"
                    : `${plan.scenario}${plan.copiedFrom == null ? "" : ` (copy of ${plan.copiedFrom.name})`}`,
              },
              {
                header: "Years",
                cell: (plan) =>
                  plan.financialYears.length === 0
                    ? "None"
                    : `${plan.financialYears[0] ?? ""} to ${plan.financialYears.at(-1) ?? ""}`,
              },
              {
                header: "Total cost",
                numeric: true,
                cell: (plan) => formatMoney(plan.totalCostPence),
              },
              { header: "Gap over the plan", cell: (plan) => gapWords(plan.totalGapPence) },
              { header: "Last changed", cell: (plan) => formatDate(plan.updatedAt) },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
