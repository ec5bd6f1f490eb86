import type { FundingPlanResult } from "@dapkit/funding";

import { csvBytes, poundsForCsv } from "./csv-text";
import type { PlanLine } from "./plan-lines";

/**
 * The computed plan as a CSV for Excel: one row per line (funding, workstreams, partners, reserves),
 * one column per financial year plus the total, amounts in pounds as plain numbers. Years are headed
 * `FY 2014/15`, because Excel reads a bare `2010/11` as a date.
 */
export function planCsv(result: FundingPlanResult, lines: readonly PlanLine[]): Uint8Array {
  const header = [
    "Section",
    "Item",
    ...result.years.map((year) => `FY ${year.financialYear}`),
    "Total",
  ];
  const rows = lines.map((line) => [
    line.section,
    line.label,
    ...line.years.map(poundsForCsv),
    poundsForCsv(line.totalPence),
  ]);
  return csvBytes({ header, rows });
}
