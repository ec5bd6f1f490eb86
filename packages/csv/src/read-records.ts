import { CsvError, parse } from "csv-parse/sync";

/** One record of a file, its values trimmed, and the line it starts on (a value may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The text cannot be read as CSV at this line: broken quoting, or far too many values. */
export class CsvReadError extends Error {
  override name = "CsvReadError";

  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The most values one record may have: far more than any table people keep, and few enough that
 * a line of nothing but commas cannot make the parser build an array of millions of values.
 */
export const MAX_VALUES_PER_RECORD = 1_000;

const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted value is not closed: check for a missing double quote (")',
  INVALID_OPENING_QUOTE: 'A double quote (") appears inside a value that is not quoted',
  CSV_INVALID_CLOSING_QUOTE: "A quoted value has text straight after its closing double quote",
};

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

// csv-parse builds a whole record before any hook sees it, so the number of values is checked
// first, with csv-parse's own rules: commas inside quotes are not separators (a doubled quote
// toggles twice, so it changes nothing). A stray quote could mislead this count, but csv-parse
// stops at such a quote before it reaches the values that follow.
function lineWithTooManyValues(text: string, max: number): number | undefined {
  let quoted = false;
  let values = 1;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      quoted = !quoted;
    } else if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) {
      line += 1;
      if (!quoted) {
        values = 1;
        recordLine = line;
      }
    } else if (code === COMMA && !quoted) {
      values += 1;
      if (values > max) return recordLine;
    }
  }
  return undefined;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const CRLF = /\r\n/g;

function countOf(pattern: RegExp, cells: readonly string[]): number {
  return cells.reduce((total, cell) => total + (cell.match(pattern)?.length ?? 0), 0);
}

// Thrown from csv-parse's record hook to end reading when the visitor has seen enough.
const STOP = new Error("stop reading");

/**
 * The one CSV reader, on csv-parse: reads text (as exported by Excel or a HR system) one record at
 * a time, so memory holds one record whatever the file holds. A UTF-8 byte order mark is ignored,
 * values are trimmed, CRLF, LF and CR all end a line, and lines that are empty or hold only
 * separators are skipped. Each record carries the line it starts on, counting every line of the
 * file. `visit` returns whether to read on.
 * @returns whether the whole text was read
 * @throws {CsvReadError} at broken quoting or a record of more than `MAX_VALUES_PER_RECORD` values
 */
export function readCsvRecords(text: string, visit: (record: CsvRecord) => boolean): boolean {
  const crowded = lineWithTooManyValues(text, MAX_VALUES_PER_RECORD);
  if (crowded !== undefined) {
    throw new CsvReadError(
      crowded,
      `This line has more than ${MAX_VALUES_PER_RECORD.toLocaleString("en-GB")} values; check that it is a CSV file with one record a line`,
    );
  }
  // csv-parse counts a CRLF inside a quoted value as two lines; these are taken off again.
  let doubled = 0;
  let lastEnd = 0;
  let emptyLines = 0;
  try {
    parse(text, {
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      on_record: (cells: string[], info) => {
        doubled += countOf(CRLF, cells);
        lastEnd = info.lines - doubled;
        emptyLines = info.empty_lines;
        if (cells.every((cell) => cell === "")) return null;
        const line = lastEnd - countOf(LINE_BREAK, cells);
        if (!visit({ line, cells })) throw STOP;
        return null;
      },
    });
    return true;
  } catch (error) {
    if (error === STOP) return false;
    if (!(error instanceof CsvError)) throw error;
    const found = error as CsvError & { lines: number; empty_lines: number };
    // An unclosed quote is found at the end of the text: the record it spoils starts after the
    // last one read and any empty lines since.
    const line =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? lastEnd + 1 + (found.empty_lines - emptyLines)
        : found.lines - doubled;
    const message =
      SYNTAX_MESSAGES[error.code] ?? `This line cannot be read as CSV (${error.message})`;
    throw new CsvReadError(line, message);
  }
}
