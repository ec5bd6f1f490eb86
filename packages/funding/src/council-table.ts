import { FundingInputError } from "./errors";
import { requireList, requireObject, requireOptions } from "./input-checks";
import { parseMoney } from "./money";
import type { ReportedVarianceTotals, VarianceRowInput } from "./reconcile-variance";

/**
 * One row of a table as read from a file: its cells as text and where it is in the file (the CSV
 * line, or the spreadsheet row).
 *
 * @example
 * const record: TableRecord = { line: 2, cells: ["Early Support", "255,433", "187,288", "68,145"] };
 */
export interface TableRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Which column of a council table each figure was read from (zero-based indexes into the cells).
 *
 * @example
 * const columns: CouncilTableColumns = { key: 0, allocation: 1, forecast: 2, variance: 3, percent: null };
 */
export interface CouncilTableColumns {
  readonly key: number;
  readonly allocation: number;
  readonly forecast: number;
  readonly variance: number | null;
  /** A column of each row's share of the total allocation ("%"), when the table has one. */
  readonly percent: number | null;
}

/**
 * A published allocation / forecast / variance table read from its cells: the rows and printed
 * totals to check with `reconcileVariance`, and where each came from.
 *
 * @example
 * const { rows, reportedTotals } = readCouncilTable(records);
 */
export interface CouncilTable {
  readonly columns: CouncilTableColumns;
  readonly rows: VarianceRowInput[];
  readonly reportedTotals: ReportedVarianceTotals | undefined;
  /** Each row's printed percentage of the total allocation, in row order, when there is a % column. */
  readonly percents: (number | null)[] | null;
  /** The printed percentage on the totals row, when there is one. */
  readonly reportedPercentTotal: number | null;
  /** The line of each row, by key, and of the totals row under `null`. */
  readonly lines: ReadonlyMap<string | null, number>;
}

/**
 * Options for {@link readCouncilTable}.
 *
 * @example
 * const options: ReadCouncilTableOptions = { source: "year-1.csv", totalLabel: "All work themes" };
 */
export interface ReadCouncilTableOptions {
  /** What to call the table in messages, such as its file name; "The table" when left out. */
  readonly source?: string | undefined;
  /** Another label for the totals row, besides the usual ones ("Total", "Grand total", …). */
  readonly totalLabel?: string | undefined;
}

// The names councils give the columns: a budget is the allocation, and spend, outturn or actual
// is what the year is forecast (or turned out) to cost.
const MONEY_COLUMNS = {
  allocation: /allocation|budget/i,
  forecast: /forecast|outturn|actual|spend/i,
  variance: /variance/i,
  percent: /^\s*(?:%|per\s*cent|percent(?:age)?|share)\s*$/i,
};
type ColumnName = keyof typeof MONEY_COLUMNS;
const COLUMN_NAMES = "allocation (or budget), forecast (or spend, outturn, actual)";
// "Total", "Totals", "Grand total", "Overall total", "Total budget", "Total spend", "TOTAL:", …
const TOTALS_LABEL =
  /^(?:grand\s+|overall\s+)?totals?(?:\s+(?:budget|allocation|spend|forecast|outturn|actual|cost|costs|expenditure|funding))?\s*:?$/i;
// Accountants write a negative amount in brackets: (1,234), (£1,234) or £(1,234).
const BRACKETED = /^(£?)\s*\((.*)\)$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)\s*%?$/;
// Generous for any published table, small enough that a pasted table cannot hold the server up.
const MAX_TABLE_ROWS = 500;

/**
 * An amount as printed in a published table: anything `parseMoney` reads, and negative amounts
 * in accountants' brackets.
 *
 * @example
 * readTableMoney("(£1,234)"); // -123400
 */
export function readTableMoney(text: string): number {
  if (typeof text !== "string") return parseMoney(text);
  const bracketed = BRACKETED.exec(text.trim());
  if (bracketed == null) return parseMoney(text, { allowNegative: true });
  const inner = (bracketed[2] ?? "").trim();
  if (/^[-\u2212]/.test(inner)) {
    throw new FundingInputError(
      "invalid_money",
      `${JSON.stringify(text)} is negative twice: brackets already mean a negative amount`,
    );
  }
  return parseMoney(`-${bracketed[1] ?? ""}${inner}`, { allowNegative: true });
}

function tableError(message: string, issues: readonly string[] = []): FundingInputError {
  return new FundingInputError("invalid_table", message, { issues });
}

function findColumns(source: string, header: readonly string[]): CouncilTableColumns {
  const problems: string[] = [];
  const pick = (name: ColumnName, required: boolean): number | null => {
    const matches = header.flatMap((title, index) =>
      MONEY_COLUMNS[name].test(title) ? [{ index, title: title.trim() }] : [],
    );
    if (matches.length > 1) {
      problems.push(
        `${String(matches.length)} columns could be the ${name} (${matches.map((m) => `"${m.title}"`).join(", ")}); keep one`,
      );
    } else if (matches.length === 0 && required) {
      problems.push(`there is no ${name} column`);
    }
    return matches[0]?.index ?? null;
  };
  const allocation = pick("allocation", true);
  const forecast = pick("forecast", true);
  const variance = pick("variance", false);
  const percent = pick("percent", false);
  const taken = new Set([allocation, forecast, variance, percent]);
  const candidates = header.flatMap((title, index) =>
    taken.has(index) ? [] : [{ index, title: title.trim() }],
  );
  const key = candidates.find(({ title }) => /^(key|label)$/i.test(title)) ?? candidates[0];
  if (key === undefined) problems.push("there is no column that names each row");
  if (problems.length > 0 || allocation == null || forecast == null || !key) {
    throw tableError(
      `${source} line 1 (the header): ${problems.join("; ")}. The columns are found by name: ${COLUMN_NAMES}, optionally variance and %, and one that names the row. The header is: ${header.join(", ")}.`,
      problems,
    );
  }
  return { key: key.index, allocation, forecast, variance, percent };
}

function refuseSemicolons(source: string, header: readonly string[]): void {
  const [only, ...rest] = header;
  if (rest.length === 0 && only?.includes(";") === true) {
    throw tableError(
      `${source} looks separated by semicolons (as Excel saves "CSV" where the decimal mark is a comma); save it as "CSV UTF-8 (Comma delimited)", which separates values with commas.`,
    );
  }
}

function invalid(field: string, expected: string): FundingInputError {
  return new FundingInputError("invalid_argument", `${field} must be ${expected}`, { field });
}

// Records come from a file reader in dapkit, but from anywhere in a council's own code.
function readRecords(records: unknown): TableRecord[] {
  return requireList(records, "records").map((record, index) => {
    const field = `records[${String(index)}]`;
    requireObject(record, field);
    const { line, cells } = record as Partial<Record<keyof TableRecord, unknown>>;
    if (typeof line !== "number" || !Number.isSafeInteger(line) || line < 1) {
      throw invalid(`${field}.line`, "the row's line number, a whole number from 1");
    }
    const texts = requireList(cells, `${field}.cells`);
    if (!texts.every((cell) => typeof cell === "string")) {
      throw invalid(`${field}.cells`, "a list of the row's cells as text");
    }
    return { line, cells: texts as string[] };
  });
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Reads a published allocation / forecast / variance table from its rows of cells (from a CSV
 * file, a spreadsheet or a paste): a header row naming the columns, one row per line of the
 * table, and optionally a totals row holding the printed totals. Columns are found by their usual
 * names (Budget, Allocation, Spend, Forecast, Outturn, Actual, Variance, %); the totals row by its
 * usual labels ("Total", "Totals", "Grand total", "Total budget", …) or `totalLabel`; amounts may
 * be bracketed negatives. Every problem in the rows is reported at once in one `FundingInputError`
 * (code `invalid_table`) whose `issues` list them, each with its line.
 *
 * @example
 * const table = readCouncilTable([
 *   { line: 1, cells: ["Work Theme area", "Year 1 Allocation (£)", "Year 1 Forecast (£)", "Variance (£)"] },
 *   { line: 2, cells: ["Perpetrators", "150,255", "12,521", "137,724"] },
 * ]);
 * table.rows[0]?.reportedVariancePence; // 13772400
 */
export function readCouncilTable(
  records: readonly TableRecord[],
  options: ReadCouncilTableOptions = {},
): CouncilTable {
  requireOptions(options, "options");
  const { source = "The table", totalLabel } = options as Record<string, unknown>;
  if (typeof source !== "string") throw invalid("options.source", "text");
  if (totalLabel !== undefined && typeof totalLabel !== "string") {
    throw invalid("options.totalLabel", "text");
  }
  const [header, ...body] = readRecords(records);
  if (header === undefined) throw tableError(`${source} is empty: it needs a header row and rows.`);
  refuseSemicolons(source, header.cells);
  const columns = findColumns(source, header.cells);
  if (body.length === 0) {
    throw tableError(`${source} has a header row but no rows, so there is nothing to check.`);
  }
  if (body.length > MAX_TABLE_ROWS) {
    throw tableError(
      `${source} has ${String(body.length)} rows; a published table to check has at most ${String(MAX_TABLE_ROWS)}.`,
    );
  }
  const extraTotal = totalLabel?.trim().toLowerCase();
  const isTotal = (key: string) =>
    TOTALS_LABEL.test(key) || (extraTotal !== undefined && key.toLowerCase() === extraTotal);
  const problems: string[] = [];
  const rows: VarianceRowInput[] = [];
  const percents: (number | null)[] = [];
  let reportedPercentTotal: number | null = null;
  const lines = new Map<string | null, number>();
  let reportedTotals: ReportedVarianceTotals | undefined;
  for (const record of body) {
    const at = `${source} line ${String(record.line)}`;
    const text = (index: number | null) =>
      index == null ? "" : (record.cells[index] ?? "").trim();
    const key = text(columns.key);
    const money = (index: number | null): number | null => {
      const cell = text(index);
      if (index == null || cell === "") return null;
      try {
        return readTableMoney(cell);
      } catch (error) {
        if (!(error instanceof FundingInputError)) throw error;
        problems.push(`${at}, ${(header.cells[index] ?? "").trim()}: ${error.message}`);
        return Number.NaN;
      }
    };
    const percent = (): number | null => {
      const cell = text(columns.percent);
      if (cell === "") return null;
      const read = PERCENT.exec(cell);
      if (read == null) {
        problems.push(`${at}, %: ${JSON.stringify(cell)} is not a percentage like 17% or 17`);
        return null;
      }
      return Number(read[1]);
    };
    const figures = {
      allocationPence: money(columns.allocation),
      forecastPence: money(columns.forecast),
      variancePence: money(columns.variance),
    };
    const share = percent();
    if (key === "") {
      problems.push(
        `${at}: the row has no label in "${(header.cells[columns.key] ?? "").trim()}".`,
      );
      continue;
    }
    const seenOn = lines.get(isTotal(key) ? null : key);
    if (seenOn !== undefined) {
      problems.push(
        `${at}: "${key}" is already on line ${String(seenOn)}; each row needs its own label.`,
      );
      continue;
    }
    lines.set(isTotal(key) ? null : key, record.line);
    if (isTotal(key)) {
      reportedTotals = figures;
      reportedPercentTotal = share;
      continue;
    }
    const { allocationPence, forecastPence, variancePence } = figures;
    if (allocationPence == null || forecastPence == null) {
      problems.push(`${at}: "${key}" needs both an allocation and a forecast.`);
      continue;
    }
    rows.push({ key, allocationPence, forecastPence, reportedVariancePence: variancePence });
    percents.push(share);
  }
  if (problems.length > 0) {
    throw tableError(
      `${source} cannot be checked (${plural(problems.length, "problem")}):\n${problems.join("\n")}`,
      problems,
    );
  }
  if (rows.length === 0) {
    throw tableError(`${source} has only a totals row, so there is nothing to check it against.`);
  }
  const table: CouncilTable = Object.freeze({
    columns: Object.freeze(columns),
    rows: Object.freeze(rows.map((row) => Object.freeze(row))) as VarianceRowInput[],
    reportedTotals: reportedTotals && Object.freeze(reportedTotals),
    percents: columns.percent == null ? null : (Object.freeze(percents) as (number | null)[]),
    reportedPercentTotal,
    lines,
  });
  READ_TABLES.add(table);
  return table;
}

// Tables this module read (frozen, so still as read): checkCouncilTable takes only these, so it
// never has to re-check a table's whole shape.
const READ_TABLES = new WeakSet<object>();

/**
 * True when `table` was returned by {@link readCouncilTable} (internal).
 *
 * @example
 * isReadTable(readCouncilTable(records)); // true
 */
export function isReadTable(table: unknown): table is CouncilTable {
  return typeof table === "object" && table != null && READ_TABLES.has(table);
}
