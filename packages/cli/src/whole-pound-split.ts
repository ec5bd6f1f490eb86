import { splitAtDisplayUnit } from "@dapkit/funding";

import type { PlanLine } from "./plan-lines";

/**
 * The lines of a split (the workstreams) rounded to whole pounds with @dapkit/funding's
 * `splitAtDisplayUnit`, so that the printed table adds up across and down. Amounts stay in pence.
 */
export function splitInWholePounds(lines: readonly PlanLine[]): PlanLine[] {
  const { rows } = splitAtDisplayUnit(lines.map((line) => line.years));
  return lines.map((line, index) => {
    // The row printed for this line (every line has one).
    const years = rows.slice(index, index + 1).flat();
    return { ...line, years, totalPence: years.reduce((sum, pence) => sum + pence, 0) };
  });
}
