// Councils work to the UK calendar: just after midnight in London (still the previous day in UTC)
// an item that expires "today" has already expired, so dates are read in Europe/London.
const LONDON_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in London at `now`, as `YYYY-MM-DD`. */
export function londonToday(now: Date): string {
  const parts = Object.fromEntries(
    LONDON_DATE.formatToParts(now).map((part) => [part.type, part.value]),
  );
  return `${parts.year ?? ""}-${parts.month ?? ""}-${parts.day ?? ""}`;
}
