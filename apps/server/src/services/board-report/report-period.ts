import { financialQuarter, parseFinancialYear, type QuarterNumber } from "@dapkit/funding";
import { addMonths, formatIsoDate, londonInstant } from "@dapkit/schemas";

import type { ReportPeriod } from "./section";

/** The period of a financial year label (`2026/27`) and, optionally, one of its quarters. */
export function reportPeriod(financialYear: string, quarter?: QuarterNumber): ReportPeriod {
  const year = parseFinancialYear(financialYear);
  if (quarter === undefined) {
    return {
      financialYear: year.label,
      financialYearStart: year.startYear,
      start: year.start,
      end: year.end,
      label: year.label,
    };
  }
  const part = financialQuarter(year, quarter);
  return {
    financialYear: year.label,
    financialYearStart: year.startYear,
    quarter,
    start: part.start,
    end: part.end,
    label: `${part.label} (${part.dates})`,
  };
}

/**
 * The instants a period's sessions start between, as stored (UTC ISO text): from midnight in
 * London on its first day to midnight in London after its last, so a session at 9am on 1 April is
 * in the quarter whatever the clocks say.
 */
export function periodInstants(period: ReportPeriod): { from: string; before: string } {
  const [year = 0, month = 0, day = 0] = period.start.split("-").map(Number);
  const next = formatIsoDate(
    addMonths({ year, month, day }, period.quarter === undefined ? 12 : 3),
  );
  // Stored timestamps carry milliseconds; written the same way they compare as text as in time.
  const instant = (date: string) => new Date(londonInstant(date, "00:00")).toISOString();
  return { from: instant(period.start), before: instant(next) };
}
