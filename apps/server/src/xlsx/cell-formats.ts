import { londonWallClock, readIsoDate } from "@dapkit/schemas";

/**
 * How a column's values are shown in a spreadsheet:
 * - `date`: a calendar day (`YYYY-MM-DD`) or the London day of an instant, as `1 April 2016`;
 * - `dateTime`: an instant as London's wall clock read it, `1 April 2016 9:30am`;
 * - `time`: the London time of day of an instant, `9:30am`;
 * - `money`: a whole number of pence, shown as pounds, `£1,234.50`;
 * - `percent`: a fraction, `0.503`, shown as `50.3%`.
 * Values that do not fit their format (a blank, or text that is no date) are written as usual.
 */
export type CellFormat = "date" | "dateTime" | "time" | "money" | "percent";

/**
 * Excel's number format codes. Excel keeps no time zones, so date cells hold London's wall-clock
 * reading, which is what a council officer expects to see; exports in CSV stay in UTC ISO text.
 */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = {
  date: "d mmmm yyyy",
  dateTime: "d mmmm yyyy h:mm am/pm",
  time: "h:mm am/pm",
  money: '"£"#,##0.00;-"£"#,##0.00',
  percent: "0.0%",
};

// Excel's day 0 is 30 December 1899 (its day 60, the 29 February 1900 that never was, lies before
// every date an export holds, so counting days from here matches Excel's numbering).
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// An instant as milliseconds, or null when `value` is not one (a zone-less text is not).
function instantMs(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== "string" || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function serialOfDay(isoDate: string): number {
  const { date } = readIsoDate(isoDate, "date");
  if (date == null) return Number.NaN;
  return (Date.UTC(date.year, date.month - 1, date.day) - EPOCH_MS) / DAY_MS;
}

// London's wall clock at an instant as a serial: whole days plus the fraction of the day gone.
function wallSerial(ms: number): number {
  const { date, time } = londonWallClock(new Date(ms));
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  // London's offset has been whole minutes for as long as these records go back, so the seconds
  // are the instant's own.
  const seconds = Math.floor((((ms % 60_000) + 60_000) % 60_000) / 1000);
  return serialOfDay(date) + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/**
 * The number a typed cell holds (an Excel serial date, pounds, a fraction), or null when the value
 * does not fit the format and is written as a plain cell instead.
 */
export function cellNumber(format: CellFormat, value: unknown): number | null {
  if (format === "money")
    return typeof value === "number" && Number.isFinite(value) ? value / 100 : null;
  if (format === "percent")
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  if (format === "date" && typeof value === "string" && ISO_DATE_ONLY.test(value)) {
    const serial = serialOfDay(value);
    return Number.isNaN(serial) ? null : serial;
  }
  const ms = instantMs(value);
  if (ms == null) return null;
  const serial = wallSerial(ms);
  if (format === "date") return Math.floor(serial);
  if (format === "time") return serial - Math.floor(serial);
  return serial;
}

/** How many characters a typed cell shows, for sizing its column. */
export function shownWidth(format: CellFormat, number: number): number {
  switch (format) {
    case "date":
      return "30 September 2026".length;
    case "dateTime":
      return "30 September 2026 12:30 pm".length;
    case "time":
      return "12:30 pm".length;
    case "percent":
      return `${(number * 100).toFixed(1)}%`.length;
    case "money": {
      const digits = Math.abs(Math.trunc(number)).toString().length;
      // "£", the pounds with a comma every three digits, ".00", and a minus sign when negative.
      return 1 + digits + Math.floor((digits - 1) / 3) + 3 + (number < 0 ? 1 : 0);
    }
  }
}
