import {
  FundingInputError,
  parseMoney,
  type ReportedVarianceTotals,
  type VarianceRowInput,
} from "@dapkit/funding";

import { inputError } from "./cli-errors";
import { readCsv } from "./read-csv";

/** A published table read from CSV, with the line each row came from for the report. */
export interface VarianceTable {
  readonly rows: VarianceRowInput[];
  readonly reportedTotals: ReportedVarianceTotals | undefined;
  /** The CSV line of each row, by key, and of the totals under `null`. */
  readonly lines: ReadonlyMap<string | null, number>;
}

/** Options for {@link readVarianceTable}. */
export interface ReadVarianceTableOptions {
  /** Another label for the totals row, besides the usual ones ("Total", "Grand total", …). */
  readonly totalLabel?: string | undefined;
}

interface Column {
  readonly index: number;
  readonly title: string;
}

// The names councils give the columns: a budget is the allocation, and spend, outturn or actual
// is what the year is forecast (or turned out) to cost.
const MONEY_COLUMNS = {
  allocation: /allocation|budget/i,
  forecast: /forecast|outturn|actual|spend/i,
  variance: /variance/i,
};
const COLUMN_NAMES = "allocation (or budget), forecast (or spend, outturn, actual)";
// "Total", "Totals", "Grand total", "Overall total", "Total budget", "Total spend", "TOTAL:", …
const TOTALS_LABEL =
  /^(?:grand\s+|overall\s+)?totals?(?:\s+(?:budget|allocation|spend|forecast|outturn|actual|cost|costs|expenditure|funding))?\s*:?$/i;
// Accountants write a negative amount in brackets: (1,234), (£1,234) or £(1,234).
const BRACKETED = /^(£?)\s*\((.*)\)$/;

function columnFor(header: readonly string[], name: keyof typeof MONEY_COLUMNS) {
  return header.flatMap((title, index) =>
    MONEY_COLUMNS[name].test(title) ? [{ index, title: title.trim() }] : [],
  );
}

function findColumns(path: string, header: readonly string[]) {
  const problems: string[] = [];
  const pick = (name: keyof typeof MONEY_COLUMNS, required: boolean): Column | undefined => {
    const matches = columnFor(header, name);
    if (matches.length > 1) {
      problems.push(
        `${String(matches.length)} columns could be the ${name} (${matches.map((m) => `"${m.title}"`).join(", ")}); keep one`,
      );
    } else if (matches.length === 0 && required) {
      problems.push(`there is no ${name} column`);
    }
    return matches[0];
  };
  const allocation = pick("allocation", true);
  const forecast = pick("forecast", true);
  const variance = pick("variance", false);
  const taken = new Set([allocation?.index, forecast?.index, variance?.index]);
  const candidates = header.flatMap((title, index) =>
    taken.has(index) ? [] : [{ index, title: title.trim() }],
  );
  const key = candidates.find(({ title }) => /^(key|label)$/i.test(title)) ?? candidates[0];
  if (key === undefined) problems.push("there is no column that names each row");
  if (problems.length > 0 || allocation === undefined || forecast === undefined || !key) {
    throw inputError(
      `${path} line 1 (the header): ${problems.join("; ")}. The columns are found by name: ${COLUMN_NAMES}, optionally variance, and one that names the row. The header is: ${header.join(", ")}.`,
    );
  }
  return { key, allocation, forecast, variance };
}

/**
 * An amount as printed in a published table: anything `parseMoney` reads, and negative amounts
 * in accountants' brackets.
 *
 * @example
 * readTableMoney("(£1,234)"); // -123400
 */
export function readTableMoney(text: string): number {
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

function refuseSemicolons(path: string, header: readonly string[]): void {
  const [only, ...rest] = header;
  if (rest.length === 0 && only?.includes(";") === true) {
    throw inputError(
      `${path} looks separated by semicolons (as Excel saves "CSV" where the decimal mark is a comma); dapkit reads comma-separated files: save it as "CSV UTF-8 (Comma delimited)".`,
    );
  }
}

/**
 * Reads an allocation / forecast / variance table: a header row naming the columns, one row per
 * line of the table, and optionally a totals row holding the published totals. Every problem in
 * the rows is reported at once, each with its line.
 */
export function readVarianceTable(
  path: string,
  text: string,
  options: ReadVarianceTableOptions = {},
): VarianceTable {
  // Blank lines, and lines of only commas, are skipped by the reader.
  const [header, ...body] = readCsv(path, text);
  if (header === undefined) throw inputError(`${path} is empty: it needs a header row and rows.`);
  refuseSemicolons(path, header.cells);
  const columns = findColumns(path, header.cells);
  if (body.length === 0) {
    throw inputError(`${path} has a header row but no rows, so there is nothing to check.`);
  }
  const extraTotal = options.totalLabel?.trim().toLowerCase();
  const isTotal = (key: string) =>
    TOTALS_LABEL.test(key) || (extraTotal !== undefined && key.toLowerCase() === extraTotal);
  const problems: string[] = [];
  const rows: VarianceRowInput[] = [];
  const lines = new Map<string | null, number>();
  let reportedTotals: ReportedVarianceTotals | undefined;
  for (const record of body) {
    const at = `${path} line ${String(record.line)}`;
    const key = (record.cells[columns.key.index] ?? "").trim();
    const money = (column: Column | undefined): number | null => {
      const cell = column === undefined ? "" : (record.cells[column.index] ?? "").trim();
      if (column === undefined || cell === "") return null;
      try {
        return readTableMoney(cell);
      } catch (error) {
        if (!(error instanceof FundingInputError)) throw error;
        problems.push(`${at}, ${column.title}: ${error.message}`);
        return Number.NaN;
      }
    };
    const figures = {
      allocationPence: money(columns.allocation),
      forecastPence: money(columns.forecast),
      variancePence: money(columns.variance),
    };
    if (key === "") {
      problems.push(`${at}: the row has no label in "${columns.key.title}".`);
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
      continue;
    }
    const { allocationPence, forecastPence, variancePence } = figures;
    if (allocationPence == null || forecastPence == null) {
      problems.push(`${at}: "${key}" needs both an allocation and a forecast.`);
      continue;
    }
    rows.push({ key, allocationPence, forecastPence, reportedVariancePence: variancePence });
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 problem" : `${String(problems.length)} problems`;
    throw inputError(`${path} cannot be checked (${count}):\n${problems.join("\n")}`);
  }
  if (rows.length === 0) {
    throw inputError(`${path} has only a totals row, so there is nothing to check it against.`);
  }
  return { rows, reportedTotals, lines };
}
