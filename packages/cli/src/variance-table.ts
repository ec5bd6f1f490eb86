import {
  FundingInputError,
  parseMoney,
  type ReportedVarianceTotals,
  type VarianceRowInput,
} from "@dapkit/funding";

import { inputError } from "./cli-errors";
import { readCsv, type CsvRecord } from "./read-csv";

/** A published table read from CSV, with the line each row came from for the report. */
export interface VarianceTable {
  readonly rows: VarianceRowInput[];
  readonly reportedTotals: ReportedVarianceTotals | undefined;
  /** The CSV line of each row, by key, and of the totals under `null`. */
  readonly lines: ReadonlyMap<string | null, number>;
}

interface Column {
  readonly index: number;
  readonly title: string;
}

const MONEY_COLUMNS = { allocation: /allocation/i, forecast: /forecast/i, variance: /variance/i };
const TOTALS_LABEL = /^totals?$/i;

function findColumn(path: string, header: readonly string[], name: keyof typeof MONEY_COLUMNS) {
  const matches = header.flatMap((title, index) =>
    MONEY_COLUMNS[name].test(title) ? [{ index, title: title.trim() }] : [],
  );
  if (matches.length > 1) {
    throw inputError(
      `${path} has ${String(matches.length)} columns that could be the ${name} (${matches.map((m) => `"${m.title}"`).join(", ")}); keep one.`,
    );
  }
  return matches[0];
}

function findColumns(path: string, header: readonly string[]) {
  const allocation = findColumn(path, header, "allocation");
  const forecast = findColumn(path, header, "forecast");
  const variance = findColumn(path, header, "variance");
  if (allocation === undefined || forecast === undefined) {
    throw inputError(
      `${path} needs a header row with an allocation column and a forecast column (and optionally a variance column); its first row is: ${header.join(", ")}.`,
    );
  }
  const taken = new Set([allocation.index, forecast.index, variance?.index]);
  const candidates = header.flatMap((title, index) =>
    taken.has(index) ? [] : [{ index, title: title.trim() }],
  );
  const key = candidates.find(({ title }) => /^(key|label)$/i.test(title)) ?? candidates[0];
  if (key === undefined) throw inputError(`${path} needs a column that names each row.`);
  return { key, allocation, forecast, variance };
}

function moneyIn(path: string, record: CsvRecord, column: Column | undefined): number | null {
  if (column === undefined) return null;
  const text = (record.cells[column.index] ?? "").trim();
  if (text === "") return null;
  try {
    return parseMoney(text, { allowNegative: true });
  } catch (error) {
    if (!(error instanceof FundingInputError)) throw error;
    throw inputError(`${path} line ${String(record.line)}, ${column.title}: ${error.message}`);
  }
}

/**
 * Reads an allocation / forecast / variance table: a header row naming the columns, one row per
 * line of the table, and optionally a "Totals" row holding the published totals.
 */
export function readVarianceTable(path: string, text: string): VarianceTable {
  // Blank lines, and lines of only commas, are skipped by the reader.
  const [header, ...body] = readCsv(path, text);
  if (header === undefined) throw inputError(`${path} is empty.`);
  const columns = findColumns(path, header.cells);
  const rows: VarianceRowInput[] = [];
  const lines = new Map<string | null, number>();
  let reportedTotals: ReportedVarianceTotals | undefined;
  for (const record of body) {
    const key = (record.cells[columns.key.index] ?? "").trim();
    const at = `${path} line ${String(record.line)}`;
    if (key === "") throw inputError(`${at}: the row has no label in "${columns.key.title}".`);
    const figures = {
      allocationPence: moneyIn(path, record, columns.allocation),
      forecastPence: moneyIn(path, record, columns.forecast),
      variancePence: moneyIn(path, record, columns.variance),
    };
    const seenOn = lines.get(TOTALS_LABEL.test(key) ? null : key);
    if (seenOn !== undefined) {
      throw inputError(
        `${at}: "${key}" is already on line ${String(seenOn)}; each row needs its own label.`,
      );
    }
    if (TOTALS_LABEL.test(key)) {
      reportedTotals = figures;
      lines.set(null, record.line);
      continue;
    }
    const { allocationPence, forecastPence, variancePence } = figures;
    if (allocationPence == null || forecastPence == null) {
      throw inputError(`${at}: "${key}" needs both an allocation and a forecast.`);
    }
    rows.push({ key, allocationPence, forecastPence, reportedVariancePence: variancePence });
    lines.set(key, record.line);
  }
  return { rows, reportedTotals, lines };
}
