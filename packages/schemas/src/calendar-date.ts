import { describeValue } from "./describe-value";

/**
 * A calendar date with no time or zone.
 *
 * @example
 * const date: CalendarDate = { year: 2024, month: 2, day: 29 };
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  // 31 days in odd months up to July and in even months from August.
  return 30 + ((month + Math.floor(month / 8)) % 2);
}

/**
 * Reads an ISO `YYYY-MM-DD` date, or says in a sentence naming `field` why it cannot: not in that
 * form, or a date that does not exist (`2023-02-29`). The domain packages throw their own named
 * errors with the sentence.
 *
 * @example
 * readIsoDate("2024-02-29", "asOf"); // { date: { year: 2024, month: 2, day: 29 } }
 * readIsoDate("29/02/2024", "asOf"); // { problem: 'asOf must be a date in the form YYYY-MM-DD (got "29/02/2024")' }
 */
export function readIsoDate(
  value: unknown,
  field: string,
): { date: CalendarDate; problem?: never } | { date?: never; problem: string } {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match == null) {
    return {
      problem: `${field} must be a date in the form YYYY-MM-DD (got ${describeValue(value)})`,
    };
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (
    date.month < 1 ||
    date.month > 12 ||
    date.day < 1 ||
    date.day > daysInMonth(date.year, date.month)
  ) {
    return { problem: `${field} is not a real date (got "${String(value)}")` };
  }
  return { date };
}

/**
 * Days since 1970-01-01, so that dates subtract as plain integers. Civil-date arithmetic (Howard
 * Hinnant's days_from_civil) rather than `Date`, so no time zone or daylight saving can move a day.
 *
 * @example
 * toDayNumber({ year: 1970, month: 1, day: 2 }); // 1
 */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Adds whole months, clamping to the end of a shorter month: 31 January plus one month is
 * 28 February (29 in a leap year), the rule HR systems and people both expect for "one month on".
 *
 * @example
 * addMonths({ year: 2023, month: 1, day: 31 }, 1); // { year: 2023, month: 2, day: 28 }
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * Writes a date as ISO `YYYY-MM-DD`, for files.
 *
 * @example
 * formatIsoDate({ year: 2024, month: 2, day: 9 }); // "2024-02-09"
 */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Writes an ISO date the way GOV.UK services show dates to people, e.g. `14 February 2025`;
 * text that is not a real ISO date is returned as it is.
 *
 * @example
 * formatUkDate("2016-04-01"); // "1 April 2016"
 */
export function formatUkDate(isoDate: string): string {
  const { date } = readIsoDate(isoDate, "date");
  return date == null
    ? isoDate
    : `${String(date.day)} ${String(MONTHS[date.month - 1])} ${String(date.year)}`;
}
