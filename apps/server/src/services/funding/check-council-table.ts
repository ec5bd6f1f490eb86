import { checkCouncilTable, FundingInputError, readCouncilTable } from "@dapkit/funding";

import { AppError } from "../../errors";
import { recordsFromText } from "./read-table-text";
import { recordsFromXlsx } from "./read-table-xlsx";

/** A table to check, as the contract's CheckTableInputSchema reads it. */
export type CheckTableInput =
  | { format: "text"; text: string; totalLabel?: string | undefined }
  | { format: "xlsx"; base64: string; totalLabel?: string | undefined };

/**
 * Checks a published table pasted or uploaded by a commissioner with @dapkit/funding's
 * `readCouncilTable` and `checkCouncilTable`, the check `dapkit check-variance` runs: every cell
 * that does not add up, with the value expected and a diagnosis. Stores nothing. A table that
 * cannot be read is refused on the field it came in (`text` or `base64`) with every problem.
 */
export function checkCouncilTableInput(input: CheckTableInput) {
  const field = input.format === "text" ? "text" : "base64";
  const records =
    input.format === "text" ? recordsFromText(input.text) : recordsFromXlsx(input.base64);
  try {
    const table = readCouncilTable(records, {
      source: "The table",
      totalLabel: input.totalLabel,
    });
    return {
      rows: records.map((record) => ({ line: record.line, cells: [...record.cells] })),
      findings: checkCouncilTable(table).findings,
    };
  } catch (error) {
    if (!(error instanceof FundingInputError)) throw error;
    throw new AppError("bad_request", error.message, { field, cause: error });
  }
}
