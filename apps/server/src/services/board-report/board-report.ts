import { eq, min } from "drizzle-orm";

import type { BoardReportInput } from "@dapkit/contract";
import { financialYearOf } from "@dapkit/funding";

import { trainingSessions } from "../../db/schema";
import { AppError } from "../../errors";
import type { Scope } from "../scope";
import { reportPeriod } from "./report-period";
import { BOARD_REPORT_SECTIONS } from "./sections";

// The financial years a report can be asked for: from the year of the first session to this one,
// newest first.
function financialYears(scope: Scope): string[] {
  const { user } = scope;
  const first = scope.db
    .select({ startsAt: min(trainingSessions.startsAt) })
    .from(trainingSessions)
    .where(eq(trainingSessions.organisationId, user.organisationId))
    .get()?.startsAt;
  const current = financialYearOf(scope.now).startYear;
  const earliest = first == null ? current : Math.min(financialYearOf(first).startYear, current);
  return Array.from(
    { length: current - earliest + 1 },
    (_, index) => financialYearOf(`${String(current - index)}-04-01`).label,
  );
}

/**
 * The board's report for a financial year or quarter: every section (or the one asked for), each
 * scoped to the user as its figures are (an agency lead sees their own agency's).
 */
export function boardReport(scope: Scope, input: BoardReportInput) {
  const period = reportPeriod(
    input.financialYear ?? financialYearOf(scope.now).label,
    input.quarter,
  );
  const sections = BOARD_REPORT_SECTIONS.filter(
    (section) => input.section === undefined || section.key === input.section,
  );
  if (sections.length === 0) {
    throw new AppError("not_found", `There is no board report section "${String(input.section)}"`, {
      field: "section",
    });
  }
  return {
    period,
    financialYears: financialYears(scope),
    sections: sections.map((section) => {
      const table = section.build(scope, period);
      return {
        key: section.key,
        title: section.title,
        description: section.description,
        columns: [...table.columns],
        rows: [...table.rows],
        ...(table.totals === undefined ? {} : { totals: table.totals }),
      };
    }),
  };
}
