import { describeValue, formatIsoDate, readIsoDate, toDayNumber } from "@dapkit/schemas";

import { parseIsoDate } from "./calendar-date";
import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

// Working days are counted on day numbers (days since Thursday 1 January 1970), so no time zone
// or clock change can move a day.
const THURSDAY = 0;
const SATURDAY = 2;
const SUNDAY = 3;
// A century each way: further than any notice period, and it bounds the loop in addWorkingDays.
const MAX_WORKING_DAYS = 26_100;

function weekday(dayNumber: number): number {
  return (((dayNumber - THURSDAY) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const day = weekday(dayNumber);
  return day === SATURDAY || day === SUNDAY;
}

// Monday to Friday in [from, to), for from <= to, without walking the days.
function weekdaysFrom(from: number, to: number): number {
  const days = to - from;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7; day < to; day += 1) if (!isWeekend(day)) count += 1;
  return count;
}

/** The bank holidays as day numbers; each must be a `YYYY-MM-DD` date. */
function holidayDays(holidays: unknown): Set<number> {
  requireKind(holidays, "holidays", "list");
  const days = new Set<number>();
  (holidays as unknown[]).forEach((holiday, at) => {
    const date =
      typeof holiday === "object" && holiday != null && "date" in holiday ? holiday.date : holiday;
    const read = readIsoDate(date, `holidays[${String(at)}]`);
    if (read.date == null) throw new TrainingRuleError("invalid_date", read.problem);
    days.add(toDayNumber(read.date));
  });
  return days;
}

/**
 * The bank holidays a working-day count skips: `YYYY-MM-DD` dates, or objects with a `date` such
 * as those `parseBankHolidays` returns.
 *
 * @example
 * const holidays: Holidays = ["2026-12-25", { date: "2026-12-28" }];
 */
export type Holidays = readonly (string | { readonly date: string })[];

/**
 * How many working days (Monday to Friday, not a bank holiday) there are from `fromDate` up to
 * but not including `toDate`: the notice given by cancelling on `fromDate` for a session on
 * `toDate`. Negative when `toDate` comes first. Dates are UK calendar dates, `YYYY-MM-DD`.
 *
 * @example
 * // Thursday 2 April 2026 to Tuesday 7 April: Thursday only (Good Friday and Easter Monday).
 * workingDaysBetween("2026-04-02", "2026-04-07", ["2026-04-03", "2026-04-06"]); // 1
 */
export function workingDaysBetween(fromDate: string, toDate: string, holidays: Holidays): number {
  const from = toDayNumber(parseIsoDate(fromDate, "fromDate"));
  const to = toDayNumber(parseIsoDate(toDate, "toDate"));
  const skip = holidayDays(holidays);
  const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = weekdaysFrom(start, end);
  for (const day of skip) if (day >= start && day < end && !isWeekend(day)) count -= 1;
  return sign * count;
}

/**
 * The working day `days` working days after `date` (before it when negative): `addWorkingDays`
 * of a session's date and minus the notice period is the last day to cancel without charge.
 * Zero gives `date` itself.
 *
 * @example
 * // Three working days before Tuesday 29 December 2026, across Christmas and Boxing Day.
 * addWorkingDays("2026-12-29", -3, ["2026-12-25", "2026-12-28"]); // "2026-12-22"
 */
export function addWorkingDays(date: string, days: number, holidays: Holidays): string {
  const start = parseIsoDate(date, "date");
  if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS) {
    throw new TrainingRuleError(
      "invalid_input",
      `days must be a whole number from -${String(MAX_WORKING_DAYS)} to ${String(MAX_WORKING_DAYS)} (got ${describeValue(days)})`,
    );
  }
  const skip = holidayDays(holidays);
  const step = Math.sign(days);
  let day = toDayNumber(start);
  for (let left = Math.abs(days); left > 0;) {
    day += step;
    if (!isWeekend(day) && !skip.has(day)) left -= 1;
  }
  return formatIsoDate(fromDayNumber(day));
}

// The inverse of toDayNumber (Howard Hinnant's civil_from_days).
function fromDayNumber(dayNumber: number) {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
