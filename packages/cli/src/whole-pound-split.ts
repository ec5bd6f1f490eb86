import { splitAtDisplayUnit } from "@dapkit/funding";

import type { PlanLine } from "./plan-lines";

/**
 * The lines of a split (the workstreams) rounded to whole pounds with @dapkit/funding's
 * `splitAtDisplayUnit`, so that the printed table adds up across and down. Amounts stay in pence.
 */
export function splitInWholePounds(lines: readonly PlanLine[]): PlanLine[] {
  const { rows, rowTotals } = splitAtDisplayUnit(lines.map((line) => line.years));
  return lines.map((line, index) => ({
    ...line,
    years: rows[index] ?? [],
    totalPence: rowTotals[index] ?? 0,
  }));
}
