import { DahaRuleError } from "./daha-rule-error";
import { shown } from "./shown";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  // 31 days in odd months up to July and in even months from August.
  return 30 + ((month + Math.floor(month / 8)) % 2);
}

// Civil-date arithmetic (Howard Hinnant's days_from_civil) rather than `Date`, so that no time
// zone, daylight saving or two-digit-year quirk can move a date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Reads an ISO `YYYY-MM-DD` date as a day number (days since 1970-01-01), so that dates compare
 * and subtract as plain integers; throws `invalid_date` naming `field` for anything else,
 * including dates that do not exist such as `2023-02-29`.
 *
 * @example
 * parseIsoDate("1970-01-02", "asOf"); // 1
 */
export function parseIsoDate(value: unknown, field: string): number {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match == null) {
    throw new DahaRuleError(
      "invalid_date",
      `${field} must be a date in the form YYYY-MM-DD (got ${shown(value)})`,
    );
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DahaRuleError("invalid_date", `${field} is not a real date (got "${String(value)}")`);
  }
  return daysFromCivil(year, month, day);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Writes a valid ISO date the way GOV.UK services show dates to people, e.g. `14 February 2025`.
 *
 * @example
 * formatUkDate("2016-04-01"); // "1 April 2016"
 */
export function formatUkDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${String(Number(day))} ${String(MONTHS[Number(month) - 1])} ${String(year)}`;
}
