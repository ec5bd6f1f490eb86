import { isReadTable, type CouncilTable } from "./council-table";
import { FundingInputError } from "./errors";
import { divideRoundingHalfAwayFromZero } from "./exact-arithmetic";
import { describeMoney } from "./money";
import { reconcileVariance, type VarianceReconciliation } from "./reconcile-variance";

/**
 * Why a printed figure does not add up: its row's variance is not allocation − forecast (row
 * formula), a printed total is not its column's sum (column sum), the totals row's variance is not
 * its own allocation − forecast (totals row), or an allocation is not its percentage of the total
 * (percentage split).
 *
 * @example
 * const diagnosis: TableDiagnosis = "column_sum";
 */
export type TableDiagnosis = "row_formula" | "column_sum" | "totals_row" | "percentage_split";

/**
 * Each diagnosis in words, the same in the web app, exports and the CLI.
 *
 * @example
 * TABLE_DIAGNOSIS_LABELS.totals_row; // "Totals row"
 */
export const TABLE_DIAGNOSIS_LABELS: Readonly<Record<TableDiagnosis, string>> = {
  row_formula: "Row formula",
  column_sum: "Column sum",
  totals_row: "Totals row",
  percentage_split: "Percentage split",
};

/**
 * One printed cell that does not add up: where it is (the line and zero-based column of the
 * table as read), what was printed and what it should be, in pence or, for a % cell, per cent.
 *
 * @example
 * const finding: TableCellFinding = {
 *   line: 6,
 *   column: 2,
 *   diagnosis: "column_sum",
 *   unit: "pence",
 *   reported: 104700300,
 *   expected: 104700200,
 *   message: "Totals: published forecast £1,047,003 but the rows add up to £1,047,002 (difference £1)",
 * };
 */
export interface TableCellFinding {
  readonly line: number;
  readonly column: number;
  readonly diagnosis: TableDiagnosis;
  readonly unit: "pence" | "percent";
  readonly reported: number;
  readonly expected: number;
  readonly message: string;
}

/**
 * The outcome of {@link checkCouncilTable}: the reconciliation and every cell found wrong, in
 * table order (rows, then the totals row).
 *
 * @example
 * const { findings }: CouncilTableCheck = checkCouncilTable(readCouncilTable(records));
 */
export interface CouncilTableCheck {
  readonly reconciliation: VarianceReconciliation;
  readonly findings: TableCellFinding[];
}

const PERCENT_SCALE = 1_000_000n;

// The exact share of a total, rounded half away from zero to the nearest whole `unit` of pence.
function shareAtUnit(totalPence: number, percent: number, unit: number): number {
  const scaled = BigInt(totalPence) * BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  return Number(divideRoundingHalfAwayFromZero(scaled, 100n * PERCENT_SCALE * BigInt(unit))) * unit;
}

// A printed share is right when it is the exact share rounded either way to the table's unit:
// tables differ in how they round, and both ways print a figure within one unit of the truth.
function withinOneUnit(
  printed: number,
  share: { totalPence: number; percent: number; unit: number },
) {
  const { totalPence, percent, unit } = share;
  const exact = BigInt(totalPence) * BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  const printedScaled = BigInt(printed) * 100n * PERCENT_SCALE;
  const distance = exact > printedScaled ? exact - printedScaled : printedScaled - exact;
  return distance < BigInt(unit) * 100n * PERCENT_SCALE;
}

// Published tables are printed in whole pounds or in pence; a table in pounds is checked at the pound.
function displayUnit(table: CouncilTable): number {
  const amounts = table.rows.flatMap((row) => [row.allocationPence, row.forecastPence]);
  return amounts.every((pence) => pence % 100 === 0) ? 100 : 1;
}

function percentFindings(table: CouncilTable, totalLine: number | undefined): TableCellFinding[] {
  const { percents, columns } = table;
  if (percents == null || columns.percent == null) return [];
  const percentColumn = columns.percent;
  const given = percents.filter((percent) => percent != null);
  const sum = given.reduce((total, percent) => total + Math.round(percent * 1_000_000), 0);
  const sumPercent = sum / 1_000_000;
  if (given.length !== percents.length || sum !== 100_000_000) {
    const line = totalLine ?? table.lines.get(table.rows[0]?.key ?? null) ?? 1;
    return [
      {
        line,
        column: percentColumn,
        diagnosis: "percentage_split",
        unit: "percent",
        // The printed total against what the rows' percentages add up to.
        reported: table.reportedPercentTotal ?? sumPercent,
        expected: sumPercent,
        message:
          given.length !== percents.length
            ? "Percentages: some rows have no percentage, so the split cannot be checked"
            : `Percentages: the rows' percentages add up to ${String(sumPercent)}%, not 100%`,
      },
    ];
  }
  const unit = displayUnit(table);
  const shares = table.rows.map((row, index) => ({ row, percent: percents[index] ?? 0 }));
  const splitOf = (candidate: { totalPence: number; what: string }) =>
    shares.flatMap(({ row, percent }) => {
      if (withinOneUnit(row.allocationPence, { totalPence: candidate.totalPence, percent, unit }))
        return [];
      const expected = shareAtUnit(candidate.totalPence, percent, unit);
      return [
        {
          line: table.lines.get(row.key) ?? 0,
          column: columns.allocation,
          diagnosis: "percentage_split" as const,
          unit: "pence" as const,
          reported: row.allocationPence,
          expected,
          message: `${row.key}: published allocation ${describeMoney(row.allocationPence)} but ${String(percent)}% of ${describeMoney(candidate.totalPence)} (${candidate.what}) is ${describeMoney(expected)}`,
        },
      ];
    });
  // The fewest wrong cells under any total the table could mean (ties to the earlier candidate).
  return totalCandidates(table, shares, unit)
    .map(splitOf)
    .reduce((best, found) => (found.length < best.length ? found : best));
}

// The totals the percentages could be shares of: the printed total, the rows' sum, and for each
// row, the total the other rows imply if that row alone were wrong, which finds one bad row in a
// table whose total was worked out from it.
function totalCandidates(
  table: CouncilTable,
  shares: readonly { row: { allocationPence: number }; percent: number }[],
  unit: number,
): { totalPence: number; what: string }[] {
  const sum = shares.reduce((total, { row }) => total + row.allocationPence, 0);
  const printed = table.reportedTotals?.allocationPence;
  const others = shares.flatMap(({ row, percent }) =>
    percent >= 100
      ? []
      : [
          {
            totalPence:
              Number(
                divideRoundingHalfAwayFromZero(
                  BigInt(sum - row.allocationPence) * 100n * PERCENT_SCALE,
                  BigInt(Math.round((100 - percent) * Number(PERCENT_SCALE))) * BigInt(unit),
                ),
              ) * unit,
            what: "the total the other rows imply",
          },
        ],
  );
  return [
    ...(printed == null ? [] : [{ totalPence: printed, what: "the printed total" }]),
    { totalPence: sum, what: "the rows' total" },
    ...others,
  ];
}

/**
 * Checks a table read by {@link readCouncilTable} against its own arithmetic, finding every cell
 * that does not add up, with the value expected there and why: a row's variance that is not
 * allocation − forecast, a printed total that is not its column's sum, a total variance that is
 * not total allocation − total forecast (naming the variance column's sum when it matches neither),
 * and, when the table has a % column, an allocation further than one printed unit from its
 * percentage of the total, or percentages that do not add up to 100.
 *
 * @example
 * const { findings } = checkCouncilTable(readCouncilTable(records));
 * findings.map((found) => found.diagnosis); // ["row_formula", "row_formula", "row_formula", "column_sum", "totals_row"]
 */
export function checkCouncilTable(table: CouncilTable): CouncilTableCheck {
  if (!isReadTable(table)) {
    throw new FundingInputError(
      "invalid_argument",
      "checkCouncilTable takes a table as readCouncilTable returns it",
      { field: "table" },
    );
  }
  const reconciliation = reconcileVariance(table.rows, { reportedTotals: table.reportedTotals });
  const totalLine = table.lines.get(null);
  const { columns } = table;
  const moneyFindings = reconciliation.discrepancies.map((found): TableCellFinding => {
    const isTotal = found.where === "total";
    const column =
      found.field === "allocationPence"
        ? columns.allocation
        : found.field === "forecastPence"
          ? columns.forecast
          : (columns.variance ?? columns.allocation);
    const diagnosis: TableDiagnosis = !isTotal
      ? "row_formula"
      : found.field === "variancePence"
        ? "totals_row"
        : "column_sum";
    return {
      line: (isTotal ? totalLine : table.lines.get(found.key ?? null)) ?? 0,
      column,
      diagnosis,
      unit: "pence",
      reported: found.reportedPence,
      expected: found.expectedPence,
      message: found.message,
    };
  });
  const split = percentFindings(table, totalLine);
  const findings = [...moneyFindings, ...split].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  return { reconciliation, findings };
}
