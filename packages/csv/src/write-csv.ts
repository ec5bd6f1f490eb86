import { toCell, type CellValue, type Table } from "./cell";

// Excel reads a CSV without a byte order mark in the machine's legacy code page, mangling "£" and
// accented names; with it, Excel (and everything else) reads UTF-8.
const BOM = "\uFEFF";
// Quotes, line breaks and the characters spreadsheets take as a field separator (a comma; a
// semicolon where that is the list separator; tab when a file is read as tab-separated) are kept
// inside quotes, so no reader can split a value and start a new cell in the middle of it.
const NEEDS_QUOTES = /[",;\t\r\n]/;

function field(value: CellValue): string {
  const cell = toCell(value);
  if (cell == null) return "";
  const text = cell.kind === "number" ? String(cell.value) : cell.text;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a table as CSV for people to open in Excel: a UTF-8 byte order mark, RFC 4180 fields
 * (quoted when they hold a quote, a separator or a line break; quotes doubled), CRLF after every
 * record, dates as ISO text and text that a spreadsheet would run as a formula prefixed with `'`.
 * @example writeCsv({ header: ["Name"], rows: [["=1+1"]] }) // "\uFEFFName\r\n'=1+1\r\n"
 */
export function writeCsv(table: Table): string {
  const records = [table.header, ...table.rows].map((row) => `${row.map(field).join(",")}\r\n`);
  return `${BOM}${records.join("")}`;
}
