import {
  describeValue,
  formatIsoDate,
  londonWallClock,
  LondonTimeError,
  readFinancialYearSpelling,
  readIsoDate,
  type CalendarDate,
  type FinancialYearLabel,
} from "@dapkit/schemas";

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
  const halves = typeof label === "string" ? readFinancialYearSpelling(label) : undefined;
  if (halves === undefined) {
    throw new FundingInputError(
      "invalid_financial_year",
      `Cannot read ${quoted} as ${LABEL_EXAMPLES}`,
    );
  }
  const [first, second] = halves;
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

const DATE_EXPECTED =
  "a Date, a calendar date written YYYY-MM-DD or as { year, month, day }, or a moment with its zone such as 2016-04-01T09:30:00+01:00";

// The calendar date in the UK: a Date or a zoned moment is an instant, read on a London clock, so
// the answer is the same on any machine; a calendar date is taken as written.
function ukCalendarDate(date: unknown): CalendarDate {
  if (date instanceof Date || (typeof date === "string" && date.includes("T"))) {
    try {
      return readUkCalendarDate(londonWallClock(date).date);
    } catch (error) {
      if (!(error instanceof LondonTimeError)) throw error;
      throw new FundingInputError(
        "invalid_financial_year",
        `financialYearOf needs ${DATE_EXPECTED}; got ${date instanceof Date ? "an invalid Date" : describeValue(date)}`,
        { field: "date", cause: error },
      );
    }
  }
  if (typeof date === "object" && date != null) {
    const { year, month, day } = date as Partial<Record<keyof CalendarDate, unknown>>;
    const whole = [year, month, day].every((part) => Number.isInteger(part) && Number(part) > 0);
    return readUkCalendarDate(
      whole ? formatIsoDate({ year: Number(year), month: Number(month), day: Number(day) }) : date,
    );
  }
  return readUkCalendarDate(date);
}

function readUkCalendarDate(text: unknown): CalendarDate {
  const read = readIsoDate(text, "financialYearOf's date");
  if (read.date !== undefined) return read.date;
  throw new FundingInputError(
    "invalid_financial_year",
    `${read.problem}; it needs ${DATE_EXPECTED}`,
    { field: "date" },
  );
}

/**
 * Gives the UK financial year a date falls in: 31 March 2016 is in 2015/16 and 1 April 2016 in 2016/17.
 *
 * A `Date` (or ISO text with a zone) is an instant, and is read as the date a clock in London shows at
 * that instant, so the answer does not depend on the machine's time zone: midnight at the start of
 * 1 April 2016 in London (`new Date(2016, 3, 1)` on a UK machine) is in 2016/17 everywhere. A calendar
 * date, `YYYY-MM-DD` or `{ year, month, day }`, is taken as written.
 *
 * @example
 * financialYearOf("2016-03-31").label; // "2015/16"
 * financialYearOf({ year: 2016, month: 4, day: 1 }).label; // "2016/17"
 * financialYearOf(new Date("2016-04-01T00:00:00+01:00")).label; // "2016/17"
 */
export function financialYearOf(date: Date | string | CalendarDate): FinancialYear {
  const { year, month } = ukCalendarDate(date);
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
