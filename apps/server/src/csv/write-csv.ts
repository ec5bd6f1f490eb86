import { toCell, type CellValue, type Table } from "../exports/table";

// Excel reads a CSV without a byte order mark in the machine's legacy code page, mangling "£" and
// accented names; with it, Excel (and everything else) reads UTF-8.
const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: CellValue): string {
  const cell = toCell(value);
  if (cell == null) return "";
  const text = cell.kind === "number" ? String(cell.value) : cell.text;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a table as CSV for people to open in Excel: a UTF-8 byte order mark, RFC 4180 fields
 * (quoted when they hold a quote, comma or line break; quotes doubled), CRLF after every record,
 * dates as ISO text and text that a spreadsheet would run as a formula prefixed with `'`.
 */
export function writeCsv(table: Table): string {
  const records = [table.header, ...table.rows].map((row) => `${row.map(field).join(",")}\r\n`);
  return `${BOM}${records.join("")}`;
}
