import { financialQuarter, parseFinancialYear, type QuarterNumber } from "@dapkit/funding";

import { periodInstants as chargePeriodInstants } from "../charges/list-charges";
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
 * The instants a period's sessions start between, as stored (UTC ISO text with milliseconds, so
 * the two compare as text as they do in time): from midnight in London on its first day to
 * midnight in London after its last, so a session at 9am on 1 April is in the quarter whatever
 * the clocks say. The charges page counts its periods the same way.
 */
export function periodInstants(period: ReportPeriod): { from: string; before: string } {
  const { from, before } = chargePeriodInstants(period.financialYearStart, period.quarter ?? null);
  return { from: new Date(from).toISOString(), before: new Date(before).toISOString() };
}
