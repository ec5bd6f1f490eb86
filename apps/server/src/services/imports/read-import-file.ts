import { CsvLimitError, readCsvTable, type CsvRow, type IssueList } from "@dapkit/csv";

import { AppError } from "../../errors";

/**
 * The largest CSV file an import reads: room for the most rows an import takes at 160 bytes a row.
 * It is half the API's 32 MB request limit because the file travels as a JSON string, where
 * escaping can double its size.
 */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/**
 * The most rows one import takes: a national employer's staff list, or a year of a large council's
 * nominations. Every row is held until the import is planned, so this bounds an import's memory.
 */
export const MAX_CSV_ROWS = 100_000;

/**
 * Reads an import's file with the one CSV reader under the tracker's limits; a file over a limit
 * is refused as a whole (413). See `readCsvTable` for what `issues` and the result mean.
 */
export function readImportFile<const C extends string>(
  csv: string,
  header: { columns: readonly C[]; optional?: readonly C[] | undefined },
  sink: { issues: IssueList; visit: (row: CsvRow<C>) => void },
): boolean {
  try {
    const { columns, optional = [] } = header;
    const limits = { maxBytes: MAX_CSV_BYTES, maxRows: MAX_CSV_ROWS };
    return readCsvTable(csv, { columns, optional, ...limits }, sink);
  } catch (error) {
    if (!(error instanceof CsvLimitError)) throw error;
    throw new AppError("payload_too_large", error.message, { field: "csv" });
  }
}
