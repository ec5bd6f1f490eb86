/** A value one cell of an export holds; `null` and `undefined` leave the cell empty. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A header row and data rows: what the CSV and XLSX writers take. */
export interface Table {
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** A cell as both writers put it: a number, text, or nothing. */
export type Cell = { kind: "number"; value: number } | { kind: "text"; text: string } | null;

// Characters that XML 1.0 forbids or that only confuse a spreadsheet: C0 controls other than tab,
// line feed and carriage return, DEL, C1 controls, the non-characters U+FFFE/U+FFFF and unpaired
// surrogates. Removed from text in both formats so a CSV and an XLSX of the same list agree.
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// OWASP "CSV Injection": spreadsheets run text starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// A negative number written as text ("-12.50", "-455,447") is data, not a formula, and must stay
// readable as a number, so it is left alone.
const PLAIN_NUMBER = /^-(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** Prefixes `'` to text a spreadsheet would run as a formula (`=cmd`, `+1`, `@SUM`, tab, CR). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** ISO 8601 date and time in UTC to the second; calendar dates reach the writers as ISO text. */
export function isoDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function text(value: string): Cell {
  const cleaned = value.replace(UNWANTED, "");
  return cleaned === "" ? null : { kind: "text", text: neutraliseFormula(cleaned) };
}

/**
 * Turns a value into what both writers write. Unwanted control characters are removed before the
 * formula check, so "\u0001=cmd" cannot slip past it; booleans read "Yes"/"No"; dates are ISO text;
 * numbers that are not finite, invalid dates and empty text leave the cell empty.
 */
export function toCell(value: CellValue): Cell {
  if (value == null) return null;
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : null;
  }
  if (typeof value === "boolean") return { kind: "text", text: value ? "Yes" : "No" };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { kind: "text", text: isoDate(value) };
  }
  return text(value);
}
