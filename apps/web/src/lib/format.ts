// GOV.UK style: "1 April 2016", "£1,502,449", times in the 12-hour clock ("9:30am").
const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const TIME = new Intl.DateTimeFormat("en-GB", {
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});
const POUNDS = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const COUNT = new Intl.NumberFormat("en-GB");

// A bare calendar date ("2016-04-01") is a day, not a moment: read it at midday UTC so that it
// names the same day in London whatever the season.
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** "1 April 2016". */
export function formatDate(value: string | Date): string {
  return DATE.format(toDate(value));
}

/** "9:30am" (GOV.UK style: lower-case am/pm, no space, "12pm" at midday). */
export function formatTime(value: string | Date): string {
  const parts = TIME.formatToParts(toDate(value));
  const hour = parts.find((part) => part.type === "hour")?.value ?? "";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "00";
  const period = (parts.find((part) => part.type === "dayPeriod")?.value ?? "").toLowerCase();
  const suffix = period.startsWith("p") ? "pm" : "am";
  return minute === "00" ? `${hour}${suffix}` : `${hour}:${minute}${suffix}`;
}

/** "1 April 2016 at 9:30am". */
export function formatDateTime(value: string | Date): string {
  return `${formatDate(value)} at ${formatTime(value)}`;
}

/** Whole pounds from pence: 150244900 → "£1,502,449"; negatives as "−£5". */
export function formatMoney(pence: number): string {
  const pounds = Math.round(pence / 100);
  return pounds < 0 ? `−${POUNDS.format(-pounds)}` : POUNDS.format(pounds);
}

/** "1,234". */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** A rate between 0 and 1 as a percentage to one decimal place: 0.6222 → "62.2%". */
export function formatPercent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** "1 person" / "3 people" and the like. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A file size for people: "512 bytes", "1.5 KB", "2.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "byte");
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Words for a stored code: "unable_to_attend" → "Unable to attend". */
export function humanise(code: string): string {
  return sentenceCase(code.replace(/_/g, " "));
}

/** A message with its first letter in capitals, as GOV.UK sentences start: "must be yes or no" → "Must be yes or no". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
