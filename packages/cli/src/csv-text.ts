import { formatMoney } from "@dapkit/funding";

// A cell Excel would read as a formula (=, +, -, @, tab or carriage return first) is written with a
// leading apostrophe, so a name in a plan cannot run as a formula in the workbook.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value: string): string {
  const text = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV that Excel opens cleanly: UTF-8 with a byte-order mark (so £ survives),
 * CRLF line endings and quotes where needed.
 */
export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  const text = rows.map((row) => row.map(cell).join(",")).join("\r\n");
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** Pence as a plain decimal number of pounds for a spreadsheet: `1502449.00`, `-5.45`. */
export function poundsForCsv(pence: number): string {
  return formatMoney(pence, { style: "exact" }).replace(/[£,]/g, "");
}
