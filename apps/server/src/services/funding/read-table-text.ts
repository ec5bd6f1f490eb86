import { CsvReadError, readCsvRecords } from "@dapkit/csv";
import type { TableRecord } from "@dapkit/funding";

import { AppError } from "../../errors";

/**
 * The rows of a table pasted or uploaded as text. A table copied from a council paper, a web page
 * or a spreadsheet arrives separated by tabs; anything else is read as CSV with the one CSV
 * reader. Blank lines are skipped; each row keeps the line it was on, so a problem names it.
 */
export function recordsFromText(text: string): TableRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.find((line) => line.trim() !== "") ?? "";
  if (first.includes("\t")) {
    return lines.flatMap((line, index) =>
      line.trim() === ""
        ? []
        : [{ line: index + 1, cells: line.split("\t").map((cell) => cell.trim()) }],
    );
  }
  const records: TableRecord[] = [];
  try {
    readCsvRecords(text, (record) => records.push(record) > 0);
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    throw new AppError(
      "bad_request",
      `Line ${String(error.line)} of the table is not valid CSV: ${error.message}`,
      { field: "text", cause: error },
    );
  }
  return records;
}
