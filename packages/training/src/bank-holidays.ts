import { describeValue, readIsoDate } from "@dapkit/schemas";

import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holiday-data";
import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

/**
 * One bank holiday: its day, `YYYY-MM-DD`, and its name as GOV.UK gives it.
 *
 * @example
 * const holiday: BankHoliday = { date: "2026-12-28", title: "Boxing Day" };
 */
export interface BankHoliday {
  readonly date: string;
  readonly title: string;
}

const DIVISION = "england-and-wales";
// GOV.UK's file holds about eight a year from 2018; ten thousand leaves centuries of room while
// keeping a wrong upload from filling the database.
const MAX_EVENTS = 10_000;
const MAX_TITLE = 200;

function refuse(message: string): never {
  throw new TrainingRuleError("invalid_input", message);
}

function readEvent(event: unknown, at: number): BankHoliday {
  const where = `${DIVISION} event ${String(at + 1)}`;
  requireKind(event, where, "object");
  const { date, title } = event as { date?: unknown; title?: unknown };
  const read = readIsoDate(date, `${where}'s date`);
  if (read.date == null) refuse(read.problem);
  if (typeof title !== "string" || title.trim() === "" || title.length > MAX_TITLE) {
    refuse(
      `${where}'s title must be text of 1 to ${String(MAX_TITLE)} characters (got ${describeValue(title)})`,
    );
  }
  return { date: date as string, title: title.trim() };
}

/**
 * Reads the England and Wales bank holidays from a file in the shape GOV.UK publishes at
 * https://www.gov.uk/bank-holidays.json (other divisions are ignored), so an organisation can
 * bring its list up to date. Returns them in date order, one per day; refuses anything else,
 * naming what is wrong.
 *
 * @example
 * parseBankHolidays({
 *   "england-and-wales": {
 *     division: "england-and-wales",
 *     events: [{ title: "Boxing Day", date: "2026-12-28", notes: "Substitute day", bunting: true }],
 *   },
 * }); // [{ date: "2026-12-28", title: "Boxing Day" }]
 */
export function parseBankHolidays(file: unknown): BankHoliday[] {
  requireKind(file, "The bank holidays file", "object");
  const division = (file as Record<string, unknown>)[DIVISION];
  if (division === undefined) {
    refuse(`The bank holidays file has no "${DIVISION}" division, as GOV.UK's file does`);
  }
  requireKind(division, `The "${DIVISION}" division`, "object");
  const { events } = division as { events?: unknown };
  requireKind(events, `The "${DIVISION}" division's events`, "list");
  const list = events as unknown[];
  if (list.length === 0) refuse(`The "${DIVISION}" division lists no bank holidays`);
  if (list.length > MAX_EVENTS) {
    refuse(`The "${DIVISION}" division lists more than ${String(MAX_EVENTS)} bank holidays`);
  }
  const byDate = new Map<string, BankHoliday>();
  list.forEach((event, at) => {
    const holiday = readEvent(event, at);
    byDate.set(holiday.date, holiday);
  });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * England and Wales bank holidays from 2019 to 2027, from GOV.UK's list as shipped with the
 * package: the list every organisation starts with until it uploads a newer one.
 *
 * @example
 * DEFAULT_BANK_HOLIDAYS.find((holiday) => holiday.date === "2022-09-19")?.title;
 * // "Bank Holiday for the State Funeral of Queen Elizabeth II"
 */
export const DEFAULT_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze(
  parseBankHolidays(ENGLAND_AND_WALES_BANK_HOLIDAYS),
);
