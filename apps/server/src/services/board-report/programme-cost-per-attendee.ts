import { costPerVictim, pence } from "@dapkit/funding";

import { readProgrammeYear } from "../partnership/costs/programme-year";
import type { Scope } from "../scope";
import type { BoardReportSection, ReportPeriod, SectionColumn, SectionRow } from "./section";

const COLUMNS: readonly SectionColumn[] = [
  { key: "agency", label: "Agency", format: "text" },
  { key: "attendees", label: "Attendees", format: "count" },
  { key: "sharePence", label: "Share of programme cost", format: "money" },
  { key: "costPerAttendeePence", label: "Cost per attendee", format: "money" },
];

function row(agency: string, attendees: number, sharePence: number): SectionRow {
  return {
    agency,
    attendees,
    sharePence,
    costPerAttendeePence: attendees === 0 ? null : costPerVictim(pence(sharePence), attendees),
  };
}

/**
 * The shared programme cost of the period's financial year, each member agency's share (on the
 * year's sharing basis, to the penny), its attendees and the cost per attendee (an agency lead:
 * their own agency's row); before the costs can be shared, one row for the whole programme.
 */
export function programmeCostPerAttendeeRows(
  scope: Scope,
  period: Pick<ReportPeriod, "financialYearStart">,
): { rows: SectionRow[]; totals: SectionRow } {
  const year = readProgrammeYear(scope.db, scope, period.financialYearStart);
  const rows =
    year.shares.length === 0
      ? [row("Whole programme (not yet shared)", year.attendees, year.totalPence)]
      : year.shares.map((share) => row(share.agencyName, share.attendees, share.sharePence));
  const sum = (key: "attendees" | "sharePence") =>
    rows.reduce((total, each) => total + Number(each[key]), 0);
  return { rows, totals: row("Total", sum("attendees"), sum("sharePence")) };
}

/** The board report's programme cost per attendee section. */
export const programmeCostPerAttendeeSection: BoardReportSection = {
  key: "programme-cost-per-attendee",
  title: "Programme cost per attendee",
  description:
    "The shared training programme's costs for the financial year (trainers, venues, materials), each agency's share on the basis the partnership chose, and the cost per person who attended in the year.",
  build: (scope, period) => ({ columns: COLUMNS, ...programmeCostPerAttendeeRows(scope, period) }),
};
