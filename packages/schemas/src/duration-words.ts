import { describeValue } from "./describe-value";
import { plural } from "./format-count";

// An instant with its zone (a `Z` or an offset), as milliseconds; null for anything else.
function instantMs(value: string): number | null {
  if (typeof value !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * How long something lasts, from its start and end instants, to the nearest minute: `3 hours`,
 * `3 hours 30 minutes`, `45 minutes`. Throws a `RangeError` naming the value for an instant
 * without a zone or that is not one, or for an end before the start.
 *
 * @example
 * durationWords("2026-06-15T08:30:00Z", "2026-06-15T12:00:00Z"); // "3 hours 30 minutes"
 * durationWords("2026-06-15T08:30:00Z", "2026-06-15T09:31:00Z"); // "1 hour 1 minute"
 */
export function durationWords(startsAt: string, endsAt: string): string {
  const start = instantMs(startsAt);
  const end = instantMs(endsAt);
  for (const [field, value, ms] of [
    ["startsAt", startsAt, start],
    ["endsAt", endsAt, end],
  ] as const) {
    if (ms == null) {
      throw new RangeError(
        `${field} must be a moment in time such as 2026-06-15T08:30:00Z (got ${describeValue(value)})`,
      );
    }
  }
  const minutes = Math.round(((end ?? 0) - (start ?? 0)) / 60_000);
  if (minutes < 0) {
    throw new RangeError(`endsAt must not be before startsAt (got ${endsAt} and ${startsAt})`);
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, "minute");
  return rest === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}
