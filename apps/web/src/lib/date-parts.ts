import { readIsoDate } from "@dapkit/schemas";

/** What a person typed into a GOV.UK date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** An empty date input. */
export const EMPTY_DATE: DateParts = { day: "", month: "", year: "" };

/** The parts of an ISO date ("2016-04-01" → 1, 4, 2016), or empty parts for null. */
export function partsFromIso(iso: string | null | undefined): DateParts {
  const match = iso == null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match == null) return EMPTY_DATE;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? "" };
}

/** True when nothing was typed. */
export function isEmptyDate(parts: DateParts): boolean {
  return parts.day.trim() === "" && parts.month.trim() === "" && parts.year.trim() === "";
}

/**
 * The ISO date the parts name, or a GOV.UK error message saying what is wrong
 * ("Date must include a month", "Date must be a real date").
 */
export function isoFromParts(parts: DateParts, label: string): { iso: string } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const missing = [
    day === "" ? "day" : null,
    month === "" ? "month" : null,
    year === "" ? "year" : null,
  ].filter((part) => part != null);
  if (missing.length === 3) return { error: `Enter ${label.toLowerCase()}` };
  if (missing.length > 0) return { error: `${label} must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${label} must be a real date` };
  }
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  // The calendar rules (leap years, month lengths) are @dapkit/schemas', as the server's are.
  if (readIsoDate(iso, label).date == null) return { error: `${label} must be a real date` };
  return { iso };
}

/** A date a filter holds: empty is "no limit" (an empty ISO date); otherwise it must be real. */
export function optionalIsoFromParts(
  parts: DateParts,
  label: string,
): { iso: string } | { error: string } {
  return isEmptyDate(parts) ? { iso: "" } : isoFromParts(parts, label);
}
