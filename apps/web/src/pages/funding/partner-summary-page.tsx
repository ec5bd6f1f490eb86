import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { formatMoney } from "@dapkit/funding";
import { formatRate } from "@dapkit/training";

import { DataTable } from "../../components/data-table";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { gapWords } from "./gap-words";
import { partnerRows } from "./partner-rows";
import { againstFairShare, fairShareWords } from "./partner-table";
import "./funding.css";

/**
 * One partner's part in a plan on one printable page: its contributions by year, its share of
 * the cash, the basis of its fair share and the plan's remaining gap. The print styles drop the
 * service's header, navigation and links.
 */
export function PartnerSummaryPage() {
  const { planId = "", partnerKey = "" } = useParams();
  const query = useQuery(trpc.funding.get.queryOptions({ id: planId }));
  const row =
    query.data === undefined
      ? undefined
      : partnerRows(query.data).find((each) => each.key === partnerKey);
  usePageTitle(row === undefined ? "Partner summary" : `${row.name}: partner summary`);
  return (
    <div className="app-print-page">
      <BackLink to={`/funding/${planId}`}>Back to the plan</BackLink>
      <QueryState query={query} what="funding plan">
        {(plan) =>
          row === undefined ? (
            <>
              <PageHeading>Partner not found</PageHeading>
              <p className="govuk-body">This plan has no such partner.</p>
            </>
          ) : (
            <>
              <PageHeading caption={plan.name}>{row.name}</PageHeading>
              <SummaryList
                rows={[
                  { key: "Cash over the plan", value: formatMoney(row.cashPence) },
                  {
                    key: "Share of partners' cash",
                    value: row.shareOfCash == null ? "None" : formatRate(row.shareOfCash),
                  },
                  { key: "In kind (not counted as money in)", value: formatMoney(row.inKindPence) },
                  {
                    key: "Fair share of the cost (Walby basis, by sector)",
                    value: fairShareWords(row),
                  },
                  { key: "Against its fair share", value: againstFairShare(row) },
                  ...(row.endDate == null ? [] : [{ key: "Funds until", value: row.endDate }]),
                  { key: "The plan's remaining gap", value: gapWords(plan.result.totals.gapPence) },
                ]}
              />
              <DataTable
                caption="Contributions by year"
                captionSize="s"
                downloadable={false}
                rows={plan.result.years.map((year, y) => ({
                  ...year,
                  cash: row.cashByYear[y] ?? 0,
                }))}
                rowKey={(year) => year.financialYear}
                columns={[
                  { header: "Year", rowHeader: true, cell: (year) => year.financialYear },
                  { header: "Cash", numeric: true, cell: (year) => formatMoney(year.cash) },
                  {
                    header: "Plan cost",
                    numeric: true,
                    cell: (year) => formatMoney(year.costPence),
                  },
                  { header: "Gap that year", cell: (year) => gapWords(year.gapPence) },
                ]}
              />
              <p className="govuk-body-s">
                The fair share splits the plan&apos;s cost by the costs of domestic abuse that fall
                on each partner&apos;s sector in England (Walby 2009 update), a sector&apos;s part
                shared equally by its partners.
              </p>
            </>
          )
        }
      </QueryState>
    </div>
  );
}
