import { inputError } from "./cli-errors";

/** One CSV record and the line it starts on (a quoted cell may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Reads comma-separated text as RFC 4180 describes it: quoted cells may hold commas, doubled quotes
 * and line breaks; lines may end in CRLF or LF.
 */
export function readCsv(path: string, text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endCell = () => {
    cells.push(cell);
    cell = "";
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (char === ",") {
      endCell();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      endCell();
      records.push({ line: recordLine, cells });
      cells = [];
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) {
    throw inputError(
      `${path} is not valid CSV: the quote opened on line ${String(quoteLine)} is never closed.`,
    );
  }
  if (cell !== "" || cells.length > 0) {
    endCell();
    records.push({ line: recordLine, cells });
  }
  return records;
}
