import { and, gte, lt, type AnyColumn, type SQL } from "drizzle-orm";

/** A range of calendar days, `YYYY-MM-DD`, both ends included; either may be left open. */
export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Limits a timestamp column to the days of a range. Timestamps are stored as UTC ISO text, which
 * sorts as time does, so this compares text and can use an index on the column.
 */
export function withinDays(column: AnyColumn, range: DateRange): SQL | undefined {
  const from = range.from === undefined ? undefined : `${range.from}T00:00:00.000Z`;
  const before =
    range.to === undefined
      ? undefined
      : new Date(Date.parse(`${range.to}T00:00:00.000Z`) + DAY_MS).toISOString();
  return and(
    from === undefined ? undefined : gte(column, from),
    before === undefined ? undefined : lt(column, before),
  );
}

/** The calendar day (UTC) of a stored timestamp, `YYYY-MM-DD`. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}
