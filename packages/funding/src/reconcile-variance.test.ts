import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import { parseMoney } from "./money";
import { reconcileVariance, type VarianceRowInput } from "./reconcile-variance";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

// Lancashire County Council, 12 November 2013: the Year 1 (2013/14) allocation, forecast and variance table.
const table = `
Work force and coordination | 75,127    | 37,563    | 30,217
Early Support               | 255,433   | 187,288   | 68,145
Medium & High Risk Support  | 1,021,733 | 809,630   | 212,035
Perpetrators                | 150,255   | 12,521    | 137,724
`;
const lancashireYear1: VarianceRowInput[] = table
  .trim()
  .split("\n")
  .map((line) => {
    const [key = "", allocation = "", forecast = "", variance = ""] = line
      .split("|")
      .map((cell) => cell.trim());
    return {
      key,
      allocationPence: parseMoney(allocation),
      forecastPence: parseMoney(forecast),
      reportedVariancePence: parseMoney(variance),
    };
  });
const lancashireTotals = {
  allocationPence: parseMoney("1,502,548"),
  forecastPence: parseMoney("1,047,003"),
  variancePence: parseMoney("455,447"),
};

describe("reconcileVariance on Lancashire's Year 1 table", () => {
  const result = reconcileVariance(lancashireYear1, { reportedTotals: lancashireTotals });

  test("recomputes every row's variance as allocation − forecast", () => {
    expect(result.rows).toEqual([
      {
        key: "Work force and coordination",
        allocationPence: 7_512_700,
        forecastPence: 3_756_300,
        variancePence: 3_756_400,
        reportedVariancePence: 3_021_700,
        discrepancyPence: -734_700,
      },
      {
        key: "Early Support",
        allocationPence: 25_543_300,
        forecastPence: 18_728_800,
        variancePence: 6_814_500,
        reportedVariancePence: 6_814_500,
        discrepancyPence: 0,
      },
      {
        key: "Medium & High Risk Support",
        allocationPence: 102_173_300,
        forecastPence: 80_963_000,
        variancePence: 21_210_300,
        reportedVariancePence: 21_203_500,
        discrepancyPence: -6_800,
      },
      {
        key: "Perpetrators",
        allocationPence: 15_025_500,
        forecastPence: 1_252_100,
        variancePence: 13_773_400,
        reportedVariancePence: 13_772_400,
        discrepancyPence: -1_000,
      },
    ]);
  });

  test("recomputes the totals from the rows", () => {
    // The rows' forecasts add up to £1,047,002, so the underspend is £1,502,548 − £1,047,002 = £455,546.
    expect(result.totals).toEqual({
      allocationPence: 150_254_800,
      forecastPence: 104_700_200,
      variancePence: 45_554_600,
    });
  });

  test("flags three wrong row variances and two wrong totals, with messages a finance officer can act on", () => {
    expect(result.discrepancies).toEqual([
      {
        where: "row",
        key: "Work force and coordination",
        field: "variancePence",
        reportedPence: 3_021_700,
        expectedPence: 3_756_400,
        differencePence: -734_700,
        message:
          "Work force and coordination: published variance £30,217 but allocation − forecast = £37,564 (difference £7,347)",
      },
      {
        where: "row",
        key: "Medium & High Risk Support",
        field: "variancePence",
        reportedPence: 21_203_500,
        expectedPence: 21_210_300,
        differencePence: -6_800,
        message:
          "Medium & High Risk Support: published variance £212,035 but allocation − forecast = £212,103 (difference £68)",
      },
      {
        where: "row",
        key: "Perpetrators",
        field: "variancePence",
        reportedPence: 13_772_400,
        expectedPence: 13_773_400,
        differencePence: -1_000,
        message:
          "Perpetrators: published variance £137,724 but allocation − forecast = £137,734 (difference £10)",
      },
      {
        where: "total",
        field: "forecastPence",
        reportedPence: 104_700_300,
        expectedPence: 104_700_200,
        differencePence: 100,
        message:
          "Totals: published forecast £1,047,003 but the rows add up to £1,047,002 (difference £1)",
      },
      {
        where: "total",
        field: "variancePence",
        reportedPence: 45_544_700,
        expectedPence: 45_554_600,
        differencePence: -9_900,
        // £30,217 + £68,145 + £212,035 + £137,724: the printed total is not that either.
        columnSumPence: 44_812_100,
        message:
          "Totals: published variance £455,447 matches neither total allocation − total forecast = £455,546 (difference £99) nor the variance column's sum, £448,121",
      },
    ]);
  });

  test("a total variance that is the sum of the wrong printed variances says so plainly", () => {
    const rows = [
      { key: "A", allocationPence: 300, forecastPence: 100, reportedVariancePence: 250 },
      { key: "B", allocationPence: 500, forecastPence: 500 },
    ];
    const [, total] = reconcileVariance(rows, {
      reportedTotals: { variancePence: 250 },
    }).discrepancies;
    expect(total).toMatchObject({
      columnSumPence: 250,
      message:
        "Totals: published variance £2.50 but total allocation − total forecast = £2 (difference £0.50)",
    });
  });
});

describe("reconcileVariance", () => {
  test("finds nothing wrong in a table that adds up, and shows pence when there are some", () => {
    const clean = reconcileVariance(
      [
        { key: "A", allocationPence: 10_050, forecastPence: 50, reportedVariancePence: 10_000 },
        { key: "B", allocationPence: 100, forecastPence: 300, reportedVariancePence: null },
      ],
      {
        reportedTotals: { allocationPence: 10_150, forecastPence: 350, variancePence: 9_800 },
      },
    );
    expect(clean.discrepancies).toEqual([]);
    expect(clean.rows[1]).toEqual({
      key: "B",
      allocationPence: 100,
      forecastPence: 300,
      variancePence: -200,
      reportedVariancePence: null,
      discrepancyPence: 0,
    });
    const off = reconcileVariance([{ key: "A", allocationPence: 1_001, forecastPence: 0 }], {
      reportedTotals: { allocationPence: 1_000 },
    });
    expect(off.discrepancies.map((d) => d.message)).toEqual([
      "Totals: published allocation £10 but the rows add up to £10.01 (difference £0.01)",
    ]);
  });

  test("an empty table has zero totals", () => {
    expect(reconcileVariance([])).toEqual({
      rows: [],
      totals: { allocationPence: 0, forecastPence: 0, variancePence: 0 },
      discrepancies: [],
    });
  });

  test.each([
    ["not a list", 'rows must be a list, got "not a list"'],
    [[null], "rows[0] must be an object with key, allocationPence and forecastPence, got null"],
    [
      [{ key: "", allocationPence: 1, forecastPence: 1 }],
      'rows[0].key must be a non-empty text key, got ""',
    ],
    [
      [
        { key: "A", allocationPence: 1, forecastPence: 1 },
        { key: "A", allocationPence: 1, forecastPence: 1 },
      ],
      'rows[1].key "A" is used twice; every key must be different',
    ],
    [
      [{ key: "A", allocationPence: 1.5, forecastPence: 1 }],
      'rows[0].allocationPence ("A") must be a whole number of pence within the safe integer range, got 1.5',
    ],
    [
      [{ key: "A", allocationPence: 1, forecastPence: "1" }],
      'rows[0].forecastPence ("A") must be a whole number of pence within the safe integer range, got "1"',
    ],
    [
      [{ key: "A", allocationPence: 1, forecastPence: 1, reportedVariancePence: Number.NaN }],
      'rows[0].reportedVariancePence ("A") must be a whole number of pence within the safe integer range, got NaN',
    ],
  ])("refuses the rows %j", (rows, message) => {
    const error = failure(() => reconcileVariance(rows as unknown as VarianceRowInput[]));
    expect(error).toBeInstanceOf(FundingInputError);
    expect(error.message).toBe(message);
  });

  test("refuses a published total that is not whole pence and sums that overflow", () => {
    expect(
      failure(() => reconcileVariance([], { reportedTotals: { variancePence: 0.5 } })).message,
    ).toBe(
      "reportedTotals.variancePence must be a whole number of pence within the safe integer range, got 0.5",
    );
    const max = Number.MAX_SAFE_INTEGER;
    expect(
      failure(() =>
        reconcileVariance([
          { key: "A", allocationPence: max, forecastPence: 0 },
          { key: "B", allocationPence: 1, forecastPence: 0 },
        ]),
      ).message,
    ).toContain("The total allocation comes to 9007199254740992 pence");
    expect(
      failure(() => reconcileVariance([{ key: "A", allocationPence: max, forecastPence: -1 }]))
        .message,
    ).toContain('The variance of "A" comes to 9007199254740992 pence');
    expect(
      failure(() =>
        reconcileVariance([
          { key: "A", allocationPence: max, forecastPence: 0 },
          { key: "B", allocationPence: 0, forecastPence: -1 },
        ]),
      ).message,
    ).toContain("The total variance comes to 9007199254740992 pence");
    expect(
      failure(() =>
        reconcileVariance([
          { key: "A", allocationPence: 0, forecastPence: 0, reportedVariancePence: max },
          { key: "B", allocationPence: -max, forecastPence: 0, reportedVariancePence: max },
        ]),
      ).message,
    ).toContain('The discrepancy in "B" comes to 18014398509481982 pence');
    expect(
      failure(() =>
        reconcileVariance([{ key: "A", allocationPence: -max, forecastPence: 0 }], {
          reportedTotals: { allocationPence: max },
        }),
      ).message,
    ).toContain("The difference in the total allocation comes to 18014398509481982 pence");
  });

  test("property: a table built from its own arithmetic has no discrepancies, and one wrong figure is found", () => {
    const row = fc.record({
      allocationPence: fc.integer({ min: 0, max: 1e12 }),
      forecastPence: fc.integer({ min: 0, max: 1e12 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.integer({ min: -1e6, max: 1e6 }).filter((n) => n !== 0),
        (cells, pick, error) => {
          const rows = cells.map((cell, index) => ({
            key: `row ${String(index)}`,
            ...cell,
            reportedVariancePence: cell.allocationPence - cell.forecastPence,
          }));
          const reportedTotals = {
            allocationPence: rows.reduce((sum, r) => sum + r.allocationPence, 0),
            forecastPence: rows.reduce((sum, r) => sum + r.forecastPence, 0),
            variancePence: rows.reduce((sum, r) => sum + r.reportedVariancePence, 0),
          };
          expect(reconcileVariance(rows, { reportedTotals }).discrepancies).toEqual([]);
          const wrong = pick % rows.length;
          const tampered = rows.map((r, index) =>
            index === wrong ? { ...r, reportedVariancePence: r.reportedVariancePence + error } : r,
          );
          const found = reconcileVariance(tampered, { reportedTotals }).discrepancies;
          expect(found).toHaveLength(1);
          expect(found[0]?.key).toBe(`row ${String(wrong)}`);
          expect(found[0]?.differencePence).toBe(error);
        },
      ),
    );
  });
});
