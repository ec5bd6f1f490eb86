import { allocateByWeight } from "@dapkit/funding";

import type { PlanLine } from "./plan-lines";

const POUND = 100;

// Pence to whole pounds as formatMoney rounds them: half away from zero.
function roundToPounds(pence: number): number {
  return Math.sign(pence) * Math.round(Math.abs(pence) / POUND);
}

/**
 * The lines of a split (the workstreams) rounded to whole pounds so that the printed table adds up:
 * in each year the parts share out that year's total in pounds by largest remainder, and each line's
 * total is the sum of its printed years. Rounding every amount on its own would print Lancashire's
 * £711,962 + £1,021,665 + £1,021,665 beside a total of £2,755,293. Amounts stay in pence, whole pounds.
 */
export function splitInWholePounds(lines: readonly PlanLine[]): PlanLine[] {
  const [first] = lines;
  if (first === undefined) return [];
  // Every line has one amount per plan year, so each index below is present.
  const columns = first.years.map((_, year) => {
    const parts = lines.map((line) => Number(line.years[year]));
    if (parts.every((pence) => pence === 0)) return parts;
    const totalPounds = roundToPounds(parts.reduce((sum, pence) => sum + pence, 0));
    const shares = parts.map((pence, index) => ({ key: String(index), weight: Math.abs(pence) }));
    return allocateByWeight(totalPounds, shares).map((part) => part.amountPence * POUND);
  });
  return lines.map((line, index) => {
    const years = columns.map((column) => Number(column[index]));
    return { ...line, years, totalPence: years.reduce((sum, pence) => sum + pence, 0) };
  });
}
