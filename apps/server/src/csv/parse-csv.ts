import { CsvError, parse, type Info } from "csv-parse/sync";

import { AppError } from "../errors";

/**
 * The largest CSV file an import reads: room for about 300,000 nominations (a 100,000-row file is
 * about 5.5 MB) or a national employer's staff list. It is half the API's 32 MB request limit
 * because the file travels as a JSON string, where escaping can double its size.
 */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** A problem with a file, tied to a line (the header is line 1) and, where known, a column. */
export interface CsvIssue {
  line: number;
  column: string | null;
  message: string;
}

/** One data row: its values by column name, and the line of the file it starts on. */
export interface CsvRow<C extends string> {
  line: number;
  values: Record<C, string>;
}

/**
 * The rows that could be read and the problems found. A file whose header or quoting is wrong
 * has no rows; a line with the wrong number of values is an issue while the other rows still
 * come back, so that an import can report every bad line at once.
 */
export interface CsvParseResult<C extends string> {
  rows: CsvRow<C>[];
  issues: CsvIssue[];
}

/** What a file must look like. */
export interface CsvOptions<C extends string> {
  /** The header the file must have, in any order, case and spacing. */
  columns: readonly C[];
  maxBytes?: number;
}

// "Employee Number", "employee-number" and " EMPLOYEE_NUMBER " all name employee_number.
function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

// A file saved in another encoding (Excel's "CSV" is Windows-1252) has bytes that are not UTF-8;
// reading it as UTF-8, as browsers do, turns each into U+FFFD, which must not reach a record.
const REPLACEMENT_CHARACTER = "\uFFFD";
const NOT_UTF8 =
  "This line has characters that are not UTF-8 (shown as \uFFFD). In Excel, save the file as “CSV UTF-8 (Comma delimited)” and import it again";

function sizeLabel(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'A quoted value is not closed: check for a missing double quote (")',
  INVALID_OPENING_QUOTE: 'A double quote (") appears inside a value that is not quoted',
  CSV_INVALID_CLOSING_QUOTE: "A quoted value has text straight after its closing double quote",
};

function readRecords(text: string): { records: string[][]; endLines: number[] } | CsvIssue {
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      trim: true,
      relax_column_count: true,
      // Files edited on different machines can mix Windows and Unix line endings.
      record_delimiter: ["\r\n", "\n", "\r"],
      // The typings do not model `info: true`, which wraps each record with where it ended.
    }) as unknown as { record: string[]; info: Info }[];
    return {
      records: parsed.map((entry) => entry.record),
      endLines: parsed.map((entry) => entry.info.lines),
    };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines } = error as CsvError & { lines?: number };
    const message =
      SYNTAX_MESSAGES[error.code] ?? `This line cannot be read as CSV (${error.message})`;
    return { line: lines ?? 1, column: null, message };
  }
}

function checkHeader<C extends string>(
  header: readonly string[],
  columns: readonly C[],
): { issues: CsvIssue[]; order: (C | undefined)[] } {
  const expected = new Map(columns.map((column) => [normaliseHeader(column), column]));
  const seen = new Set<C>();
  const issues: CsvIssue[] = [];
  const order = header.map((raw) => {
    const column = expected.get(normaliseHeader(raw));
    if (column === undefined) {
      const message = `"${raw}" is not a column of this file; the columns are ${columns.join(", ")}`;
      issues.push({ line: 1, column: raw, message });
    } else if (seen.has(column)) {
      issues.push({ line: 1, column, message: `The ${column} column appears more than once` });
    }
    if (column !== undefined) seen.add(column);
    return column;
  });
  for (const column of columns) {
    if (!seen.has(column)) {
      issues.push({ line: 1, column, message: `The header has no ${column} column` });
    }
  }
  return { issues, order };
}

/**
 * Reads a CSV file (as exported by Excel or a HR system) into rows keyed by the expected columns.
 * The one CSV reader every import uses, so every import treats files alike: a UTF-8 byte order
 * mark is ignored, the header must name exactly the expected columns (in any order, case or
 * spacing), blank lines are skipped and every row keeps the line it starts on for error reports.
 * Files over the size limit are refused outright.
 */
export function parseCsv<const C extends string>(
  text: string,
  options: CsvOptions<C>,
): CsvParseResult<C> {
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The file is ${sizeLabel(bytes)}; the largest file you can import is ${sizeLabel(maxBytes)}. Split it into smaller files.`,
      { field: "csv" },
    );
  }
  const read = readRecords(text);
  if (!("records" in read)) return { rows: [], issues: [read] };

  const [header, ...records] = read.records;
  if (header === undefined || header.every((value) => value === "")) {
    const message = `The file is empty: its first line must be the header ${options.columns.join(",")}`;
    return { rows: [], issues: [{ line: 1, column: null, message }] };
  }
  const { issues, order } = checkHeader(header, options.columns);
  if (issues.length > 0) return { rows: [], issues };

  const rows: CsvRow<C>[] = [];
  records.forEach((record, index) => {
    // A record starts on the line after the previous one ended (quoted values may span lines).
    const line = (read.endLines[index] ?? 0) + 1;
    if (record.every((value) => value === "")) return;
    if (record.length !== header.length) {
      const message = `This line has ${record.length} values but the header has ${header.length} columns`;
      issues.push({ line, column: null, message });
      return;
    }
    const garbled = record.findIndex((value) => value.includes(REPLACEMENT_CHARACTER));
    if (garbled !== -1) {
      issues.push({ line, column: order[garbled] ?? null, message: NOT_UTF8 });
      return;
    }
    const values = Object.fromEntries(
      order.map((column, position) => [column, record[position] ?? ""]),
    ) as Record<C, string>;
    rows.push({ line, values });
  });
  return { rows, issues };
}
