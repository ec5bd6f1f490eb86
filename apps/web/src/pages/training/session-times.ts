import { londonInstant, LondonTimeError, parseClockTime } from "@dapkit/schemas";

import type { FieldError } from "../../lib/api-errors";
import { isoFromParts, type DateParts } from "../../lib/date-parts";

function timeError(field: string, text: string, label: string): FieldError | null {
  if (text.trim() === "") return { field, message: `Enter the ${label.toLowerCase()}` };
  return parseClockTime(text) == null
    ? { field, message: `${label} must be a time, like 9:30am or 14:00` }
    : null;
}

/**
 * A session's date and start and end times as typed, as instants in London time, with what
 * cannot become one (fields `date`, `startsAt`, `endsAt`); the schema checks the rest.
 */
export function sessionTimes(typed: { date: DateParts; startsAt: string; endsAt: string }): {
  startsAt: string;
  endsAt: string;
  problems: (FieldError | null)[];
} {
  const day = isoFromParts(typed.date, "Date");
  const problems: (FieldError | null)[] = [
    "error" in day ? { field: "date", message: day.error } : null,
    timeError("startsAt", typed.startsAt, "Start time"),
    timeError("endsAt", typed.endsAt, "End time"),
  ];
  // Without a valid date the times cannot be placed on their day. The date's problem is shown
  // and nothing is sent, but placing them on any day lets the schema check the rest at once.
  const dayIso = "iso" in day ? day.iso : "2000-01-01";
  // A time the clocks skip (1:30am on the last Sunday in March) is refused by @dapkit/schemas
  // with its reason; a time not typed as one is timeError's, and stands in as midnight here.
  const at = (field: string, time: string) => {
    try {
      return londonInstant(dayIso, parseClockTime(time) ?? "00:00");
    } catch (error) {
      if (!(error instanceof LondonTimeError)) throw error;
      problems.push({ field, message: error.message });
      return "";
    }
  };
  return {
    startsAt: at("startsAt", typed.startsAt),
    endsAt: at("endsAt", typed.endsAt),
    problems,
  };
}
