import { describeValue } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { differencePence, sumPence } from "./exact-arithmetic";
import {
  isNewKey,
  keySetFor,
  requireList,
  requireOptions,
  requirePence,
  requireUniqueKey,
  type KeySet,
} from "./input-checks";
import { describeMoney } from "./money";

/**
 * One row of a published allocation/forecast/variance table, such as a workstream's line.
 *
 * @example
 * const row: VarianceRowInput = {
 *   key: "Perpetrators",
 *   allocationPence: 15025500,
 *   forecastPence: 1252100,
 *   reportedVariancePence: 13772400,
 * };
 */
export interface VarianceRowInput {
  readonly key: string;
  readonly allocationPence: number;
  readonly forecastPence: number;
  /** The variance the table printed; leave it out (or `null`) when the table printed none. */
  readonly reportedVariancePence?: number | null;
}

/**
 * The totals a table printed, each optional; any given is checked against the rows.
 *
 * @example
 * const totals: ReportedVarianceTotals = { forecastPence: 104700300 };
 */
export interface ReportedVarianceTotals {
  readonly allocationPence?: number | null;
  readonly forecastPence?: number | null;
  readonly variancePence?: number | null;
}

/**
 * Options for {@link reconcileVariance}.
 *
 * @example
 * const options: ReconcileVarianceOptions = { reportedTotals: { variancePence: 45544700 } };
 */
export interface ReconcileVarianceOptions {
  readonly reportedTotals?: ReportedVarianceTotals;
}

/**
 * A row as recomputed: variance = allocation − forecast, and how far the printed variance is from it.
 *
 * @example
 * const row: ReconciledVarianceRow = {
 *   key: "Early Support",
 *   allocationPence: 25543300,
 *   forecastPence: 18728800,
 *   variancePence: 6814500,
 *   reportedVariancePence: 6814500,
 *   discrepancyPence: 0,
 * };
 */
export interface ReconciledVarianceRow {
  readonly key: string;
  readonly allocationPence: number;
  readonly forecastPence: number;
  readonly variancePence: number;
  /** The printed variance, or `null` when the table printed none. */
  readonly reportedVariancePence: number | null;
  /** Printed minus recomputed variance; 0 when they agree or nothing was printed. */
  readonly discrepancyPence: number;
}

/**
 * The totals recomputed from the rows.
 *
 * @example
 * const totals: VarianceTotals = { allocationPence: 300, forecastPence: 100, variancePence: 200 };
 */
export interface VarianceTotals {
  readonly allocationPence: number;
  readonly forecastPence: number;
  readonly variancePence: number;
}

/**
 * One printed figure that disagrees with the recomputed one, with a message a finance officer can act on.
 *
 * @example
 * const discrepancy: VarianceDiscrepancy = {
 *   where: "total",
 *   field: "forecastPence",
 *   reportedPence: 104700300,
 *   expectedPence: 104700200,
 *   differencePence: 100,
 *   message: "Totals: published forecast £1,047,003 but the rows add up to £1,047,002 (difference £1)",
 * };
 */
export interface VarianceDiscrepancy {
  readonly where: "row" | "total";
  /** The row's key; absent for totals. */
  readonly key?: string;
  readonly field: "allocationPence" | "forecastPence" | "variancePence";
  readonly reportedPence: number;
  readonly expectedPence: number;
  /** Printed minus recomputed: negative when the table printed too little. */
  readonly differencePence: number;
  /**
   * For the total variance: the sum of the variance column as printed (a row without a printed
   * variance counts as allocation − forecast), which a published total often is instead.
   */
  readonly columnSumPence?: number;
  readonly message: string;
}

/**
 * The outcome of {@link reconcileVariance}: recomputed rows and totals and every disagreement found.
 *
 * @example
 * const { discrepancies }: VarianceReconciliation = reconcileVariance([]);
 */
export interface VarianceReconciliation {
  readonly rows: ReconciledVarianceRow[];
  readonly totals: VarianceTotals;
  readonly discrepancies: VarianceDiscrepancy[];
}

const TOTAL_LABELS = {
  allocationPence: "allocation",
  forecastPence: "forecast",
  variancePence: "variance",
} as const;

/**
 * Recomputes a published allocation/forecast/variance table and flags every printed figure that is wrong.
 *
 * Each row's variance is allocation − forecast (positive = underspend). Totals are the sums of the rows, and
 * the total variance is total allocation − total forecast. Every printed row variance and printed total is
 * compared with the recomputed figure, and each disagreement is listed, rows first in table order, then
 * the allocation, forecast and variance totals.
 *
 * @example
 * const { discrepancies } = reconcileVariance([
 *   { key: "Perpetrators", allocationPence: 15025500, forecastPence: 1252100, reportedVariancePence: 13772400 },
 * ]);
 * discrepancies[0]?.message;
 * // "Perpetrators: published variance £137,724 but allocation − forecast = £137,734 (difference £10)"
 */
export function reconcileVariance(
  rows: readonly VarianceRowInput[],
  options: ReconcileVarianceOptions = {},
): VarianceReconciliation {
  requireOptions(options, "options");
  const list = requireList(rows, "rows");
  const seen = keySetFor(list.length);
  const reconciled = list.map((row, index) => reconcileRow(row, index, seen));
  const allocationPence = sumPence(
    reconciled.map((row) => row.allocationPence),
    "The total allocation",
  );
  const forecastPence = sumPence(
    reconciled.map((row) => row.forecastPence),
    "The total forecast",
  );
  const totals: VarianceTotals = {
    allocationPence,
    forecastPence,
    variancePence: differencePence(allocationPence, forecastPence, () => "The total variance"),
  };
  const discrepancies: VarianceDiscrepancy[] = [];
  for (const row of reconciled) {
    if (row.reportedVariancePence != null && row.discrepancyPence !== 0) {
      discrepancies.push({
        where: "row",
        key: row.key,
        field: "variancePence",
        reportedPence: row.reportedVariancePence,
        expectedPence: row.variancePence,
        differencePence: row.discrepancyPence,
        message: `${row.key}: published variance ${describeMoney(row.reportedVariancePence)} but allocation − forecast = ${describeMoney(row.variancePence)} (difference ${describeMoney(Math.abs(row.discrepancyPence))})`,
      });
    }
  }
  const reported = options.reportedTotals ?? {};
  for (const field of ["allocationPence", "forecastPence", "variancePence"] as const) {
    const printed = reported[field];
    if (printed == null) continue;
    const reportedPence = requirePence(printed, `reportedTotals.${field}`, { allowNegative: true });
    const expectedPence = totals[field];
    if (reportedPence === expectedPence) continue;
    const difference = differencePence(
      reportedPence,
      expectedPence,
      () => `The difference in the total ${TOTAL_LABELS[field]}`,
    );
    const how =
      field === "variancePence" ? "total allocation − total forecast =" : "the rows add up to";
    // A printed total variance may be the sum of the printed (wrong) row variances; when it is not
    // that either, the reader needs both numbers to see that it matches nothing in the table.
    const columnSumPence = field === "variancePence" ? printedVarianceSum(reconciled) : undefined;
    const neither =
      columnSumPence !== undefined &&
      columnSumPence !== expectedPence &&
      columnSumPence !== reportedPence;
    const published = `Totals: published ${TOTAL_LABELS[field]} ${describeMoney(reportedPence)}`;
    discrepancies.push({
      where: "total",
      field,
      reportedPence,
      expectedPence,
      differencePence: difference,
      ...(columnSumPence === undefined ? {} : { columnSumPence }),
      message: neither
        ? `${published} matches neither ${how} ${describeMoney(expectedPence)} (difference ${describeMoney(Math.abs(difference))}) nor the variance column's sum, ${describeMoney(columnSumPence)}`
        : `${published} but ${how} ${describeMoney(expectedPence)} (difference ${describeMoney(Math.abs(difference))})`,
    });
  }
  return { rows: reconciled, totals, discrepancies };
}

function printedVarianceSum(rows: readonly ReconciledVarianceRow[]): number {
  return sumPence(
    rows.map((row) => row.reportedVariancePence ?? row.variancePence),
    "The variance column",
  );
}

// Names a row's field as messages do: rows[3].forecastPence ("Perpetrators"). Built only for a
// row at fault, as JSON-quoting every key of a long table costs more than the sums; so are the
// names of keys.
function rowField(index: number, key: string, name: keyof VarianceRowInput): string {
  return `rows[${String(index)}].${name} (${JSON.stringify(key)})`;
}

function reconcileRow(row: unknown, index: number, seen: KeySet): ReconciledVarianceRow {
  if (typeof row !== "object" || row == null) {
    const field = `rows[${String(index)}]`;
    throw new FundingInputError(
      "invalid_argument",
      `${field} must be an object with key, allocationPence and forecastPence, got ${describeValue(row)}`,
      { field },
    );
  }
  const input = row as Partial<Record<keyof VarianceRowInput, unknown>>;
  const key = isNewKey(input.key, seen)
    ? input.key
    : requireUniqueKey(input.key, `rows[${String(index)}].key`, { seen });
  const allocationPence = requirePence(
    input.allocationPence,
    () => rowField(index, key, "allocationPence"),
    { allowNegative: true },
  );
  const forecastPence = requirePence(
    input.forecastPence,
    () => rowField(index, key, "forecastPence"),
    { allowNegative: true },
  );
  const variancePence = differencePence(
    allocationPence,
    forecastPence,
    () => `The variance of ${JSON.stringify(key)}`,
  );
  const reportedVariancePence =
    input.reportedVariancePence == null
      ? null
      : requirePence(
          input.reportedVariancePence,
          () => rowField(index, key, "reportedVariancePence"),
          { allowNegative: true },
        );
  const discrepancyPence =
    reportedVariancePence == null
      ? 0
      : differencePence(
          reportedVariancePence,
          variancePence,
          () => `The discrepancy in ${JSON.stringify(key)}`,
        );
  return {
    key,
    allocationPence,
    forecastPence,
    variancePence,
    reportedVariancePence,
    discrepancyPence,
  };
}
