import { CsvReadError, readCsvRecords, type CsvRecord } from "@dapkit/csv";

import { inputError } from "./cli-errors";

export type { CsvRecord };

/**
 * Every record of a CSV file, read with dapkit's one CSV reader (blank lines skipped, values
 * trimmed, each record with the line it starts on). Text that is not CSV is an input error that
 * names the file and the line.
 */
export function readCsv(path: string, text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    readCsvRecords(text, (record) => records.push(record) > 0);
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    const problem = `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
    throw inputError(`${path} line ${String(error.line)} is not valid CSV: ${problem}.`);
  }
  return records;
}
