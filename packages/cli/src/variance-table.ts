import {
  checkCouncilTable,
  readCouncilTable,
  type FundingInputError,
  type CouncilTable,
  type CouncilTableCheck,
} from "@dapkit/funding";

import { inputError } from "./cli-errors";
import { readCsv } from "./read-csv";

/** Options for {@link checkVarianceFile}. */
export interface ReadVarianceTableOptions {
  /** Another label for the totals row, besides the usual ones ("Total", "Grand total", …). */
  readonly totalLabel?: string | undefined;
}

/**
 * Reads and checks an allocation / forecast / variance table from a CSV file with
 * @dapkit/funding's `checkCouncilTable`, the check the web app's "Check a council table" uses
 * too. A table that cannot be read is an input error naming the file and every problem's line.
 */
export function checkVarianceFile(
  path: string,
  text: string,
  options: ReadVarianceTableOptions = {},
): CouncilTableCheck & { table: CouncilTable } {
  // Blank lines, and lines of only commas, are skipped by the reader.
  const records = readCsv(path, text);
  try {
    const table = readCouncilTable(records, { source: path, totalLabel: options.totalLabel });
    return { table, ...checkCouncilTable(table) };
  } catch (error) {
    // readCouncilTable refuses a table only with a FundingInputError listing every problem.
    throw inputError((error as FundingInputError).message);
  }
}
