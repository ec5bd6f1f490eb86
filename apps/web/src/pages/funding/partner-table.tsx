import { Link } from "react-router";

import { formatMoney } from "@dapkit/funding";
import { formatRate } from "@dapkit/training";

import { DataTable } from "../../components/data-table";
import type { Outputs } from "../../trpc";
import { partnerRows, type PartnerRow } from "./partner-rows";

type Plan = Outputs["funding"]["get"];

/** The fair share in words: "£24,308 (72.56%, criminal justice)". */
export function fairShareWords(row: PartnerRow): string {
  if (row.fairShare == null) return "No sector given";
  const shared =
    row.fairShare.partnersInSector > 1
      ? `, shared equally by ${String(row.fairShare.partnersInSector)} partners`
      : "";
  return `${formatMoney(row.fairShare.amountPence)} (${formatRate(row.fairShare.fraction, { decimals: 2 })}, ${row.sectorWords ?? ""}${shared})`;
}

/** Cash given against the fair share: "£1,000 above" or "£5,000 below". */
export function againstFairShare(row: PartnerRow): string {
  if (row.fairShare == null) return "Not worked out";
  const difference = row.cashPence - row.fairShare.amountPence;
  if (difference === 0) return "Exactly its fair share";
  return `${formatMoney(Math.abs(difference))} ${difference > 0 ? "above" : "below"}`;
}

/** The partner view: each partner's cash by year, share, fair share by sector and a summary link. */
export function PartnerTable({ plan }: { plan: Plan }) {
  const rows = partnerRows(plan);
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Partners: contributions, share and fair share"
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { header: "Partner", rowHeader: true, cell: (row) => row.name },
        ...plan.result.years.map((year, y) => ({
          header: `${year.financialYear} cash`,
          numeric: true,
          cell: (row: PartnerRow) => formatMoney(row.cashByYear[y] ?? 0),
        })),
        { header: "Total cash", numeric: true, cell: (row) => formatMoney(row.cashPence) },
        {
          header: "Share of partners' cash",
          numeric: true,
          cell: (row) => (row.shareOfCash == null ? "None" : formatRate(row.shareOfCash)),
        },
        { header: "In kind", numeric: true, cell: (row) => formatMoney(row.inKindPence) },
        { header: "Fair share of the cost (by sector)", cell: fairShareWords },
        { header: "Against its fair share", cell: againstFairShare },
        {
          header: "Summary",
          notExported: true,
          cell: (row) => (
            <Link className="govuk-link" to={`/funding/${plan.id}/partners/${row.key}`}>
              One-page summary<span className="govuk-visually-hidden"> for {row.name}</span>
            </Link>
          ),
        },
      ]}
    />
  );
}
