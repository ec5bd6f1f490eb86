import { describeValue } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { divideRoundingHalfAwayFromZero, sumPence } from "./exact-arithmetic";
import { requireList, requireOptions, requirePence } from "./input-checks";

/**
 * A table of amounts rounded to its display unit so that it adds up as printed: every cell, row
 * total, column total and the grand total is a whole number of units (in pence).
 *
 * @example
 * const table: TableAtUnit = { rows: [[100, 200]], rowTotals: [300], columnTotals: [100, 200], totalPence: 300 };
 */
export interface TableAtUnit {
  /** The cells, one array per row, in the order given. */
  readonly rows: number[][];
  /** Each row's total: the sum of its rounded cells. */
  readonly rowTotals: number[];
  /** Each column's total: its exact total rounded to the unit, which its rounded cells add up to. */
  readonly columnTotals: number[];
  /** The sum of the column totals, which is also the sum of the row totals. */
  readonly totalPence: number;
}

/**
 * Options for {@link splitAtDisplayUnit}.
 *
 * @example
 * const options: SplitAtDisplayUnitOptions = { unitPence: 100 }; // whole pounds
 */
export interface SplitAtDisplayUnitOptions {
  /** The unit the table is printed in, in pence: 100 (whole pounds, the default), 1000_00 for £000s. */
  readonly unitPence?: number;
}

// One column: its total at the unit, and its cells rounded down then topped up by largest remainder.
function columnAtUnit(parts: readonly number[], unit: number, what: string) {
  const size = BigInt(unit);
  const exact = BigInt(sumPence(parts, what));
  const target = divideRoundingHalfAwayFromZero(exact, size);
  const floors = parts.map((amount) => {
    const value = BigInt(amount);
    const down = value / size - (value % size < 0n ? 1n : 0n);
    return { down, remainder: value - down * size };
  });
  const short = Number(target - floors.reduce((sum, part) => sum + part.down, 0n));
  const order = floors
    .map((part, index) => ({ index, remainder: part.remainder }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const toppedUp = new Set(order.slice(0, short).map((part) => part.index));
  return {
    total: Number(target * size),
    parts: floors.map((part, index) =>
      Number((part.down + (toppedUp.has(index) ? 1n : 0n)) * size),
    ),
  };
}

/**
 * Rounds a table of amounts (rows such as workstreams, columns such as financial years) to the unit
 * it is printed in, so that the printed table adds up down and across. Rounding each cell on its
 * own does not: Lancashire's 68 % line prints as £711,962 + £1,021,665 + £1,021,665 beside a total
 * of £2,755,293. Here each column's exact total is rounded to the unit (half away from zero, as
 * `formatMoney` prints it) and shared out among the column's cells by largest remainder: each
 * cell is first rounded down to the unit, then the units still needed go one each to the cells
 * with the largest remainders (ties to the earlier row). Each row's total is the sum of its
 * printed cells. Every cell is then less than one unit from its exact amount, whatever its sign.
 * All rows must have the same number of cells.
 *
 * @example
 * const { rows, rowTotals, columnTotals } = splitAtDisplayUnit([
 *   [33_40, 33_40],
 *   [33_30, 33_30],
 *   [33_30, 33_30],
 * ]);
 * // rows [[3400, 3400], [3300, 3300], [3300, 3300]], rowTotals [6800, 6600, 6600], columnTotals [10000, 10000]
 */
export function splitAtDisplayUnit(
  table: readonly (readonly number[])[],
  options: SplitAtDisplayUnitOptions = {},
): TableAtUnit {
  requireOptions(options, "options");
  const unit: unknown = options.unitPence ?? 100;
  if (typeof unit !== "number" || !Number.isSafeInteger(unit) || unit < 1) {
    throw new FundingInputError(
      "invalid_argument",
      `splitAtDisplayUnit: unitPence must be a whole number of pence of at least 1, got ${describeValue(unit)}`,
      { field: "unitPence" },
    );
  }
  const rowsGiven = requireList(table, "table").map((row, r) =>
    requireList(row, `table[${String(r)}]`),
  );
  const width = rowsGiven[0]?.length ?? 0;
  const cells = rowsGiven.map((row, r) => {
    if (row.length !== width) {
      throw new FundingInputError(
        "invalid_argument",
        `splitAtDisplayUnit: row ${String(r)} has ${String(row.length)} cells but row 0 has ${String(width)}; every row needs one per column`,
        { field: `table[${String(r)}]` },
      );
    }
    return row.map((amount, c) =>
      requirePence(amount, `table[${String(r)}][${String(c)}]`, { allowNegative: true }),
    );
  });
  const columns = Array.from({ length: width }, (_, c) =>
    columnAtUnit(
      cells.map((row) => row[c] ?? 0),
      unit,
      `Column ${String(c)}'s total`,
    ),
  );
  const rows = cells.map((_, r) => columns.map((column) => column.parts[r] ?? 0));
  return {
    rows,
    rowTotals: rows.map((row, r) => sumPence(row, `Row ${String(r)}'s total`)),
    columnTotals: columns.map((column) => column.total),
    totalPence: sumPence(
      columns.map((column) => column.total),
      "The table's total",
    ),
  };
}
