import { writeCsv, type Table } from "@dapkit/csv";
import { formatMoney } from "@dapkit/funding";

/**
 * A table as the bytes of a CSV file, written by dapkit's one CSV writer: UTF-8 with a byte-order
 * mark (so £ survives in Excel), CRLF line endings, quotes where needed, and a name that starts
 * like a formula neutralised, so it cannot run in the workbook.
 */
export function csvBytes(table: Table): Uint8Array {
  return new TextEncoder().encode(writeCsv(table));
}

/** Pence as a plain decimal number of pounds for a spreadsheet: `1502449.00`, `-5.45`. */
export function poundsForCsv(pence: number): string {
  return formatMoney(pence, { style: "exact" }).replace(/[£,]/g, "");
}
