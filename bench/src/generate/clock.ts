/** The day the generated organisations are "as of": sessions before it have happened. */
export const BENCH_NOW = new Date("2025-01-15T10:00:00.000Z");

const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` moved by a number of days (negative for earlier). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
