import { tzOffset } from "@date-fns/tz";

import { formatIsoDate, formatUkDate, readIsoDate } from "./calendar-date";
import { describeValue } from "./describe-value";

/** The time zone every council using dapkit works in. */
export const LONDON_TIME_ZONE = "Europe/London";

/**
 * Why a London date or time could not be read: a date or time in the wrong form, an instant that
 * is not one, or a wall-clock time that never happens because the clocks go forward over it.
 *
 * @example
 * const code: LondonTimeErrorCode = "time_does_not_exist";
 */
export type LondonTimeErrorCode =
  "invalid_date" | "invalid_time" | "invalid_instant" | "time_does_not_exist";

/**
 * Thrown when a London date, time or instant cannot be read; `message` is a sentence for people.
 *
 * @example
 * try { londonInstant("2026-03-29", "01:30"); } catch (error) { (error as LondonTimeError).code; } // "time_does_not_exist"
 */
export class LondonTimeError extends Error {
  override readonly name = "LondonTimeError";

  constructor(
    readonly code: LondonTimeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A London wall-clock reading: the calendar date as ISO `YYYY-MM-DD` and the 24-hour time `HH:MM`.
 *
 * @example
 * const reading: LondonWallClock = { date: "2026-06-15", time: "09:30" };
 */
export interface LondonWallClock {
  readonly date: string;
  readonly time: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const pad2 = (value: number) => String(value).padStart(2, "0");

// An instant as milliseconds; ISO text must carry its zone (a `Z` or an offset), or the reading
// would depend on the zone of the machine doing it.
function instantMs(value: Date | string, field: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "string" && /(Z|[+-]\d{2}:?\d{2})$/i.test(value)
        ? Date.parse(value)
        : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new LondonTimeError(
      "invalid_instant",
      `${field} must be a moment in time such as 2026-06-15T08:30:00Z (got ${value instanceof Date ? "an invalid Date" : describeValue(value)})`,
    );
  }
  return ms;
}

// London's offset from UTC at an instant, in milliseconds (0 in winter, one hour in summer).
function offsetAt(ms: number): number {
  return tzOffset(LONDON_TIME_ZONE, new Date(ms)) * MINUTE;
}

// The wall-clock fields London reads at an instant, as the UTC fields of a shifted Date.
function wallFields(ms: number): Date {
  return new Date(ms + offsetAt(ms));
}

/**
 * The date and time a clock in London shows at an instant.
 *
 * @example
 * londonWallClock("2026-06-15T08:30:00Z"); // { date: "2026-06-15", time: "09:30" }
 * londonWallClock("2026-01-15T23:30:00Z"); // { date: "2026-01-15", time: "23:30" }
 */
export function londonWallClock(instant: Date | string): LondonWallClock {
  const wall = wallFields(instantMs(instant, "instant"));
  return {
    date: formatIsoDate({
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
    }),
    time: `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`,
  };
}

/**
 * The calendar date in London at `now`, as ISO `YYYY-MM-DD`: just after midnight in summer it is
 * already tomorrow in London while still today in UTC, and councils work to London's calendar.
 *
 * @example
 * londonToday(new Date("2026-06-30T23:30:00Z")); // "2026-07-01"
 */
export function londonToday(now: Date): string {
  return londonWallClock(now).date;
}

/**
 * The instant a London date (`YYYY-MM-DD`) and 24-hour time (`HH:MM`) name, as ISO UTC text
 * (`2026-06-15T08:30:00Z`) for storing.
 *
 * Both clock changes are handled by a stated rule:
 * - A time the clocks skip (01:00–01:59 on the last Sunday of March) does not exist: it is
 *   refused with a `LondonTimeError` (`time_does_not_exist`) rather than quietly moved an hour.
 * - A time that happens twice (01:00–01:59 on the last Sunday of October) means its **first**
 *   occurrence, still in British Summer Time: a session "at 1:30am" starts the first time the
 *   clock reads 1:30am. (The same rule as `Temporal`'s "compatible" choice for repeated times.)
 *
 * Throws `LondonTimeError` (`invalid_date`, `invalid_time`) for a date or time in another form.
 *
 * @example
 * londonInstant("2026-06-15", "09:30"); // "2026-06-15T08:30:00Z"
 * londonInstant("2026-10-25", "01:30"); // "2026-10-25T00:30:00Z" (the first 1:30am, in BST)
 * londonInstant("2026-03-29", "01:30"); // throws LondonTimeError: does not exist in London
 */
export function londonInstant(date: string, time: string): string {
  const { date: day, problem } = readIsoDate(date, "date");
  if (day == null) throw new LondonTimeError("invalid_date", problem);
  const clock = typeof time === "string" ? CLOCK_TIME.exec(time) : null;
  if (clock == null) {
    throw new LondonTimeError(
      "invalid_time",
      `time must be a 24-hour time in the form HH:MM (got ${describeValue(time)})`,
    );
  }
  const wall = new Date(0);
  wall.setUTCFullYear(day.year, day.month - 1, day.day);
  wall.setUTCHours(Number(clock[1]), Number(clock[2]));
  const wallMs = wall.getTime();
  // London's offset is one of at most two values within a day either side; each gives a
  // candidate instant, which is real only if London's clock reads the wall time at it.
  const readings = [offsetAt(wallMs - DAY), offsetAt(wallMs + DAY)]
    .map((offset) => wallMs - offset)
    .filter((ms) => wallFields(ms).getTime() === wallMs)
    .sort((a, b) => a - b);
  const [first] = readings;
  if (first === undefined) {
    throw new LondonTimeError(
      "time_does_not_exist",
      `${clockText(wall)} on ${formatUkDate(date)} does not exist in London: the clocks go forward an hour that night, so choose a time before or after the change`,
    );
  }
  return new Date(first).toISOString().replace(".000Z", "Z");
}

// The time of a wall clock held in a Date's UTC fields, GOV.UK style: "9:30am", "12pm".
function clockText(wall: Date): string {
  const hours = wall.getUTCHours();
  const minutes = wall.getUTCMinutes();
  const hour = String(hours % 12 === 0 ? 12 : hours % 12);
  const suffix = hours < 12 ? "am" : "pm";
  return minutes === 0 ? `${hour}${suffix}` : `${hour}:${pad2(minutes)}${suffix}`;
}

/**
 * A time as people type it (`9:30`, `09:30`, `9.30am`, `2pm`, `14:00`) as 24-hour `HH:MM`, or
 * null when it is not a time. A bare hour needs am or pm: `9` could be morning or evening.
 *
 * @example
 * parseClockTime("2pm"); // "14:00"
 * parseClockTime("12am"); // "00:00"
 * parseClockTime("25:00"); // null
 */
export function parseClockTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (match == null) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  const period = match[3]?.toLowerCase();
  if (period !== undefined) {
    if (hour < 1 || hour > 12) return null;
    if (period === "pm" && hour !== 12) hour += 12;
    if (period === "am" && hour === 12) hour = 0;
  } else if (match[2] === undefined) {
    return null;
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * A date as GOV.UK writes it, `1 April 2016`. An ISO calendar date (`2016-04-01`) is that day; an
 * instant (`2016-04-01T23:30:00Z` or a `Date`) is the day it is in London. Throws
 * `LondonTimeError` for anything else, including a date that does not exist.
 *
 * @example
 * formatDate("2016-04-01"); // "1 April 2016"
 * formatDate("2026-06-30T23:30:00Z"); // "1 July 2026" (already 1 July in London)
 */
export function formatDate(value: string | Date): string {
  if (typeof value === "string" && ISO_DATE_ONLY.test(value)) {
    const { date, problem } = readIsoDate(value, "date");
    if (date == null) throw new LondonTimeError("invalid_date", problem);
    return formatUkDate(value);
  }
  return formatUkDate(londonWallClock(instantOf(value)).date);
}

// Checks an instant once, naming it as the value being formatted.
function instantOf(value: string | Date): Date {
  return new Date(instantMs(value, "value"));
}

/**
 * The London time of an instant as GOV.UK writes times: the 12-hour clock, lower-case am/pm with
 * no space, and no minutes on the hour (`9:30am`, `12pm` at midday, `12am` at midnight).
 *
 * @example
 * formatTime("2026-06-15T08:30:00Z"); // "9:30am" (British Summer Time)
 * formatTime("2026-01-15T12:00:00Z"); // "12pm" (Greenwich Mean Time)
 */
export function formatTime(instant: string | Date): string {
  return clockText(wallFields(instantMs(instant, "instant")));
}

/**
 * The London date and time of an instant: `1 April 2016 at 9:30am`.
 *
 * @example
 * formatDateTime("2026-01-05T14:05:00Z"); // "5 January 2026 at 2:05pm"
 */
export function formatDateTime(instant: string | Date): string {
  return `${formatDate(instantOf(instant))} at ${formatTime(instant)}`;
}
