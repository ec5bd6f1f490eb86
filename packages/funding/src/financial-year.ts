import { describeValue, type FinancialYearLabel } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { requireOptions } from "./input-checks";

/**
 * A UK public-sector financial year, 1 April to 31 March, with its canonical label and ISO dates.
 *
 * @example
 * const fy: FinancialYear = {
 *   startYear: 2014,
 *   label: "2014/15",
 *   start: "2014-04-01",
 *   end: "2015-03-31",
 * };
 */
export interface FinancialYear {
  /** The calendar year in which the financial year begins (2014 for 2014/15). */
  readonly startYear: number;
  /** The canonical label, `2014/15`. */
  readonly label: FinancialYearLabel;
  /** The first day, 1 April, as `YYYY-MM-DD`. */
  readonly start: string;
  /** The last day, 31 March of the next calendar year, as `YYYY-MM-DD`. */
  readonly end: string;
}

/**
 * How {@link formatFinancialYear} separates the years: `slash` gives `2014/15`, `dash` gives `2014-15`.
 *
 * @example
 * const style: FinancialYearStyle = "dash";
 */
export type FinancialYearStyle = "slash" | "dash";

/**
 * Options for {@link formatFinancialYear}.
 *
 * @example
 * const options: FormatFinancialYearOptions = { style: "dash" };
 */
export interface FormatFinancialYearOptions {
  /** `slash` (the default) or `dash`. */
  readonly style?: FinancialYearStyle;
}

// Four-digit years only, so every label and ISO date keeps its usual width.
const FIRST_YEAR = 1000;
const LAST_START_YEAR = 9998;
const LABEL = /^(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LABEL_EXAMPLES = "a financial year such as 2014/15, 2014-15 or 2014/2015";

function financialYearStarting(startYear: number): FinancialYear {
  const end = String(startYear + 1);
  return {
    startYear,
    label: `${String(startYear)}/${end.slice(-2)}`,
    start: `${String(startYear)}-04-01`,
    end: `${end}-03-31`,
  };
}

function checkStartYear(startYear: number, what: string): FinancialYear {
  if (startYear < FIRST_YEAR || startYear > LAST_START_YEAR) {
    throw new FundingInputError(
      "invalid_financial_year",
      `${what} is outside the supported range (financial years from 1000/01 to 9998/99)`,
    );
  }
  return financialYearStarting(startYear);
}

/**
 * Reads a financial year label in any of the spellings councils use and returns the financial year.
 *
 * `2014/15`, `2014-15`, `2014–15` (en dash) and `2014/2015` all give 2014/15; the second year must follow the
 * first, so `2014/16` is refused, as are a bare `2014` and anything else.
 *
 * @example
 * parseFinancialYear("2014-15"); // { startYear: 2014, label: "2014/15", start: "2014-04-01", end: "2015-03-31" }
 */
export function parseFinancialYear(label: string): FinancialYear {
  const quoted = describeValue(label);
  const match = typeof label === "string" ? LABEL.exec(label.trim()) : null;
  if (match == null) {
    throw new FundingInputError(
      "invalid_financial_year",
      `Cannot read ${quoted} as ${LABEL_EXAMPLES}`,
    );
  }
  const [, first = "", second = ""] = match;
  const startYear = Number(first);
  const expected = String(startYear + 1);
  if (second !== (second.length === 2 ? expected.slice(-2) : expected)) {
    throw new FundingInputError(
      "invalid_financial_year",
      `${quoted} does not name two consecutive years: a financial year starting in ${first} ends in ${expected} (${financialYearStarting(startYear).label})`,
    );
  }
  return checkStartYear(startYear, quoted);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Gives the financial year a date falls in: 31 March 2016 is in 2015/16 and 1 April 2016 in 2016/17.
 *
 * A `Date` is read in UTC (its `getUTCFullYear` and `getUTCMonth`), so the answer does not depend on the
 * machine's time zone; pass a `YYYY-MM-DD` string when you mean a calendar date.
 *
 * @example
 * financialYearOf("2016-03-31").label; // "2015/16"
 * financialYearOf(new Date(Date.UTC(2016, 3, 1))).label; // "2016/17"
 */
export function financialYearOf(date: Date | string): FinancialYear {
  let year: number;
  let month: number;
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) {
      throw new FundingInputError(
        "invalid_financial_year",
        "financialYearOf was given an invalid Date",
        { field: "date" },
      );
    }
    year = date.getUTCFullYear();
    month = date.getUTCMonth() + 1;
  } else {
    const match = typeof date === "string" ? ISO_DATE.exec(date) : null;
    year = Number(match?.[1]);
    month = Number(match?.[2]);
    const day = Number(match?.[3]);
    if (match == null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new FundingInputError(
        "invalid_financial_year",
        `financialYearOf needs a Date or a calendar date written YYYY-MM-DD, got ${describeValue(date)}`,
        { field: "date" },
      );
    }
  }
  // January to March belong to the financial year that began the April before.
  const startYear = month >= 4 ? year : year - 1;
  return checkStartYear(
    startYear,
    `The date ${describeValue(date instanceof Date ? date.toISOString() : date)}`,
  );
}

/**
 * Writes a financial year (or any accepted spelling of one) as `2014/15` or `2014-15`.
 *
 * @example
 * formatFinancialYear("2014/2015", { style: "dash" }); // "2014-15"
 * formatFinancialYear(parseFinancialYear("2014-15")); // "2014/15"
 */
export function formatFinancialYear(
  financialYear: FinancialYear | string,
  options: FormatFinancialYearOptions = {},
): string {
  const fy =
    typeof financialYear === "string"
      ? parseFinancialYear(financialYear)
      : checkFinancialYear(financialYear);
  requireOptions(options, "options");
  const style = options.style ?? "slash";
  switch (style) {
    case "slash":
      return fy.label;
    case "dash":
      return fy.label.replace("/", "-");
    default:
      throw new FundingInputError(
        "invalid_argument",
        `formatFinancialYear's style must be "slash" or "dash", got ${describeValue(style)}`,
        { field: "style" },
      );
  }
}

function checkFinancialYear(value: unknown): FinancialYear {
  const startYear: unknown =
    typeof value === "object" && value != null && "startYear" in value
      ? value.startYear
      : undefined;
  if (typeof startYear !== "number" || !Number.isInteger(startYear)) {
    throw new FundingInputError(
      "invalid_financial_year",
      `Expected a financial year or its label, got ${describeValue(value)}`,
    );
  }
  return checkStartYear(startYear, `The financial year starting in ${String(startYear)}`);
}
