/** A value one cell of a table holds; `null` and `undefined` leave the cell empty. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A header row and data rows: what the CSV writer (and the server's XLSX writer) take. */
export interface Table {
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
}

/** A cell as every writer puts it: a number, text, or nothing. */
export type Cell = { kind: "number"; value: number } | { kind: "text"; text: string } | null;

// Characters that XML 1.0 forbids or that only confuse a spreadsheet: C0 controls other than tab,
// line feed and carriage return, DEL, C1 controls, the non-characters U+FFFE/U+FFFF and unpaired
// surrogates. Removed from text in every format so a CSV and an XLSX of the same list agree.
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// OWASP "CSV Injection": spreadsheets run text starting with = + - @ (or their full-width forms,
// which Excel reads as the same in East Asian locales) as a formula, and a leading tab or carriage
// return can hide such a start. A cell starting with ; or | is neutralised as well: ; is the field
// separator where Excel's list separator is a semicolon, and | is how a DDE formula reaches a
// program (=cmd|' /C calc'!A0), so neither has any business leading a value. Leading spaces are
// looked past, since some readers (ours among them) trim them.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@;|\uFF1D\uFF0B\uFF0D\uFF20])/;
// A negative number written as text ("-12.50", "-455,447") is data, not a formula, and must stay
// readable as a number, so it is left alone.
const PLAIN_NUMBER = /^-(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * The one formula-injection rule: prefixes `'` to text a spreadsheet would run as a formula
 * (`=cmd`, `+1`, `-2+3`, `@SUM`, full-width `＝`, a leading `;` or `|`, tab, CR), leaving plain
 * negative numbers as they are.
 * @example neutraliseFormula("=SUM(A1:A9)") // "'=SUM(A1:A9)"
 * @example neutraliseFormula("-12.50") // "-12.50"
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * A moment as ISO 8601 in UTC to the second, the unambiguous form exports use.
 * @example isoDateTime(new Date("2022-04-05T09:30:15.250Z")) // "2022-04-05T09:30:15Z"
 */
export function isoDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function text(value: string): Cell {
  const cleaned = value.replace(UNWANTED, "");
  return cleaned === "" ? null : { kind: "text", text: neutraliseFormula(cleaned) };
}

/**
 * Turns a value into what every writer writes. Unwanted control characters are removed before the
 * formula check, so "\u0001=cmd" cannot slip past it; booleans read "Yes"/"No"; dates are ISO
 * text; numbers that are not finite, invalid dates and empty text leave the cell empty.
 */
export function toCell(value: CellValue): Cell {
  if (value == null) return null;
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : null;
  }
  if (typeof value === "boolean") return { kind: "text", text: value ? "Yes" : "No" };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { kind: "text", text: isoDateTime(value) };
  }
  return text(value);
}
