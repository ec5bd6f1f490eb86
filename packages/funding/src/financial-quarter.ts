import { addMonths, describeValue, formatIsoDate, formatUkDate } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { formatFinancialYear, parseFinancialYear, type FinancialYear } from "./financial-year";

/**
 * A quarter of a financial year: 1 is April–June, 2 July–September, 3 October–December and
 * 4 January–March.
 *
 * @example
 * const quarter: QuarterNumber = 4;
 */
export type QuarterNumber = 1 | 2 | 3 | 4;

/**
 * One quarter of a UK financial year, with its dates and labels.
 *
 * @example
 * const q4: FinancialQuarter = {
 *   financialYear: parseFinancialYear("2026/27"),
 *   quarter: 4,
 *   start: "2027-01-01",
 *   end: "2027-03-31",
 *   label: "Q4 2026/27",
 *   dates: "1 January to 31 March 2027",
 * };
 */
export interface FinancialQuarter {
  readonly financialYear: FinancialYear;
  readonly quarter: QuarterNumber;
  /** The first day, `YYYY-MM-DD`. */
  readonly start: string;
  /** The last day, `YYYY-MM-DD`, included. */
  readonly end: string;
  /** `Q1 2026/27`. */
  readonly label: string;
  /** The quarter's days as people read them, `1 April to 30 June 2026`. */
  readonly dates: string;
}

function readQuarter(quarter: unknown): QuarterNumber {
  if (quarter === 1 || quarter === 2 || quarter === 3 || quarter === 4) return quarter;
  throw new FundingInputError(
    "invalid_argument",
    `quarter must be 1, 2, 3 or 4 (got ${describeValue(quarter)})`,
    { field: "quarter" },
  );
}

/**
 * The given quarter of a financial year (its label in any spelling `parseFinancialYear` reads, or
 * the year itself). Throws `FundingInputError` for a year it cannot read or a quarter other than
 * 1–4.
 *
 * @example
 * financialQuarter("2026/27", 1).dates; // "1 April to 30 June 2026"
 * financialQuarter("2026/27", 4).start; // "2027-01-01"
 */
export function financialQuarter(
  financialYear: FinancialYear | string,
  quarter: QuarterNumber,
): FinancialQuarter {
  const year = parseFinancialYear(
    typeof financialYear === "string" ? financialYear : formatFinancialYear(financialYear),
  );
  const number = readQuarter(quarter);
  const first = addMonths({ year: year.startYear, month: 4, day: 1 }, (number - 1) * 3);
  // Day 31 of the quarter's third month, which addMonths clamps to that month's last day.
  const last = addMonths({ ...first, day: 31 }, 2);
  const start = formatIsoDate(first);
  const end = formatIsoDate(last);
  const startWords = formatUkDate(start);
  return {
    financialYear: year,
    quarter: number,
    start,
    end,
    label: `Q${String(number)} ${year.label}`,
    // "1 April to 30 June 2026": a quarter never spans two calendar years, so one year is written.
    dates: `${startWords.slice(0, startWords.lastIndexOf(" "))} to ${formatUkDate(end)}`,
  };
}
