import type { IssueList } from "./issue-list";
import { CsvReadError, readCsvRecords } from "./read-records";

/** One data row: its values by column name, and the line of the file it starts on. */
export interface CsvRow<C extends string> {
  line: number;
  values: Record<C, string>;
}

/** What a table file must look like, and how much of it may be read. */
export interface CsvTableOptions<C extends string> {
  /** The header the file must have, in any order, case and spacing. */
  columns: readonly C[];
  /**
   * Columns of `columns` the header may leave out (such as one only some organisations use); a
   * row read under a header without one has "" for it, as if its cell were blank.
   */
  optional?: readonly C[];
  /** The largest file, in bytes of UTF-8. */
  maxBytes: number;
  /** The most data rows (blank lines are not rows). */
  maxRows: number;
}

/** A file over a size limit: refused as a whole, with the figures in the message. */
export class CsvLimitError extends Error {
  override name = "CsvLimitError";

  constructor(
    readonly limit: "bytes" | "rows",
    message: string,
  ) {
    super(message);
  }
}

// A file saved in another encoding (Excel's "CSV" is Windows-1252) has bytes that are not UTF-8;
// reading it as UTF-8, as browsers do, turns each into U+FFFD, which must not reach a record.
const REPLACEMENT_CHARACTER = "\uFFFD";
const NOT_UTF8 =
  "This line has characters that are not UTF-8 (shown as \uFFFD). In Excel, save the file as “CSV UTF-8 (Comma delimited)” and import it again";

function sizeLabel(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// The size the text has as UTF-8, counted without making a copy of it.
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Each half of a surrogate pair is two of the pair's four bytes.
    if (code < 0x80) bytes += 1;
    else if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

// "Employee Number", "employee-number" and " EMPLOYEE_NUMBER " all name employee_number.
function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "_");
}

// The column of each header cell, in file order; problems are added to `issues`.
function readHeader<C extends string>(
  header: readonly string[],
  options: { columns: readonly C[]; optional: readonly C[] },
  issues: IssueList,
): (C | undefined)[] {
  const { columns, optional } = options;
  const expected = new Map(columns.map((column) => [normaliseHeader(column), column]));
  const seen = new Set<C>();
  const order = header.map((raw) => {
    const column = expected.get(normaliseHeader(raw));
    if (column === undefined) {
      const message = `"${raw}" is not a column of this file; the columns are ${columns.join(", ")}`;
      issues.add({ line: 1, column: raw, message });
    } else if (seen.has(column)) {
      issues.add({ line: 1, column, message: `The ${column} column appears more than once` });
    }
    if (column !== undefined) seen.add(column);
    return column;
  });
  for (const column of columns) {
    if (!seen.has(column) && !optional.includes(column)) {
      issues.add({ line: 1, column, message: `The header has no ${column} column` });
    }
  }
  return order;
}

/**
 * Reads a file of rows under a header naming exactly `columns` (in any order, case or spacing),
 * in bounded memory: a file over `maxBytes` is refused before it is read, reading stops at row
 * `maxRows + 1`, at a wrong header and at broken quoting, and problems go to `issues`, which keeps
 * the first of them and counts the rest. Rows that pass the line checks (the right number of
 * values, all UTF-8) are handed to `visit` one by one; blank lines are skipped.
 * @returns whether the file was read as a whole; when not (an empty file, a wrong header, broken
 *   quoting), checks across its rows would mislead
 * @throws {CsvLimitError} for a file over either limit
 */
export function readCsvTable<const C extends string>(
  text: string,
  options: CsvTableOptions<C>,
  sink: { issues: IssueList; visit: (row: CsvRow<C>) => void },
): boolean {
  const { columns, maxBytes, maxRows, optional = [] } = options;
  const { issues, visit } = sink;
  const bytes = utf8Length(text);
  if (bytes > maxBytes) {
    throw new CsvLimitError(
      "bytes",
      `The file is ${sizeLabel(bytes)}; the largest file you can import is ${sizeLabel(maxBytes)}. Split it into smaller files.`,
    );
  }
  let order: (C | undefined)[] | undefined;
  // The optional columns the header leaves out, each blank in every row.
  let blanks: Partial<Record<C, string>> = {};
  let headerOk = false;
  let rows = 0;
  let complete: boolean;
  try {
    complete = readCsvRecords(text, ({ line, cells }) => {
      if (order === undefined) {
        const before = issues.count;
        order = readHeader(cells, { columns, optional }, issues);
        const named = new Set(order);
        blanks = Object.fromEntries(
          optional.filter((column) => !named.has(column)).map((column) => [column, ""]),
        ) as Partial<Record<C, string>>;
        headerOk = issues.count === before;
        return headerOk;
      }
      rows += 1;
      if (rows > maxRows) {
        const most = maxRows.toLocaleString("en-GB");
        throw new CsvLimitError(
          "rows",
          `The file has more than ${most} rows; the most you can import at once is ${most}. Split it into smaller files.`,
        );
      }
      if (cells.length !== order.length) {
        const message = `This line has ${cells.length} values but the header has ${order.length} columns`;
        issues.add({ line, column: null, message });
        return true;
      }
      const garbled = cells.findIndex((value) => value.includes(REPLACEMENT_CHARACTER));
      if (garbled !== -1) {
        issues.add({ line, column: order[garbled] ?? null, message: NOT_UTF8 });
        return true;
      }
      const values = {
        ...blanks,
        ...Object.fromEntries(order.map((column, position) => [column, cells[position] ?? ""])),
      } as Record<C, string>;
      visit({ line, values });
      return true;
    });
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error;
    issues.add({ line: error.line, column: null, message: error.message });
    return false;
  }
  if (order === undefined) {
    const message = `The file is empty: its first line must be the header ${columns.join(",")}`;
    issues.add({ line: 1, column: null, message });
  }
  return complete && headerOk;
}
