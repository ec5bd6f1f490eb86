import { describe, expect, test } from "vitest";

import { checkCouncilTable } from "./council-table-check";
import { readCouncilTable, readTableMoney, type TableRecord } from "./council-table";
import { FundingInputError } from "./errors";

const records = (rows: string[][]): TableRecord[] =>
  rows.map((cells, index) => ({ line: index + 1, cells }));

// Lancashire County Council, 12 November 2013: the Year 1 table as printed.
const lancashireYear1 = records([
  ["Work Theme area", "Year 1 Allocation (£)", "Year 1 Forecast (£)", "Variance (£)"],
  ["Work force and coordination", "75,127", "37,563", "30,217"],
  ["Early Support", "255,433", "187,288", "68,145"],
  ["Medium & High Risk Support", "1,021,733", "809,630", "212,035"],
  ["Perpetrators", "150,255", "12,521", "137,724"],
  ["Totals", "1,502,548", "1,047,003", "455,447"],
]);

// The same paper's Years 2 and 3 table, with its % column.
const lancashireYear2 = records([
  ["Work stream", "%", "Year 2 Allocation (£)", "Year 2 Spend (£)"],
  ["Workforce and Co-ordination", "5%", "75,122", "75,122"],
  ["Early Support", "17%", "255,416", "255,416"],
  ["Medium and High Risk Support", "68%", "1,021,665", "1,021,665"],
  ["Perpetrators", "10%", "150,245", "150,245"],
  ["Totals", "100%", "1,502,449", "1,502,449"],
]);

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

describe("checkCouncilTable", () => {
  test("finds every error in Lancashire's Year 1 table, each at its cell with the value expected", () => {
    const { findings } = checkCouncilTable(readCouncilTable(lancashireYear1));
    expect(
      findings.map(({ line, column, diagnosis, reported, expected }) => ({
        line,
        column,
        diagnosis,
        reported,
        expected,
      })),
    ).toEqual([
      { line: 2, column: 3, diagnosis: "row_formula", reported: 3_021_700, expected: 3_756_400 },
      { line: 4, column: 3, diagnosis: "row_formula", reported: 21_203_500, expected: 21_210_300 },
      { line: 5, column: 3, diagnosis: "row_formula", reported: 13_772_400, expected: 13_773_400 },
      { line: 6, column: 2, diagnosis: "column_sum", reported: 104_700_300, expected: 104_700_200 },
      { line: 6, column: 3, diagnosis: "totals_row", reported: 45_544_700, expected: 45_554_600 },
    ]);
    // The total variance matches neither the formula nor the printed column, and says both.
    expect(findings[4]?.message).toContain("nor the variance column's sum, £448,121");
  });

  test("Year 2's shares are their percentages, but rounding each alone leaves the columns £1 short", () => {
    const { findings } = checkCouncilTable(readCouncilTable(lancashireYear2));
    expect(
      findings.map(({ line, column, diagnosis, expected }) => ({
        line,
        column,
        diagnosis,
        expected,
      })),
    ).toEqual([
      { line: 6, column: 2, diagnosis: "column_sum", expected: 150_244_800 },
      { line: 6, column: 3, diagnosis: "column_sum", expected: 150_244_800 },
    ]);
  });

  test("an allocation that is not its percentage of the total is a percentage-split error", () => {
    const wrong = lancashireYear2.map((record) =>
      record.line === 3
        ? { ...record, cells: ["Early Support", "17%", "265,416", "255,416"] }
        : record,
    );
    const { findings } = checkCouncilTable(readCouncilTable(wrong));
    expect(
      findings.map(({ line, column, diagnosis, expected }) => ({
        line,
        column,
        diagnosis,
        expected,
      })),
    ).toEqual([
      { line: 3, column: 2, diagnosis: "percentage_split", expected: 25_541_600 },
      { line: 6, column: 2, diagnosis: "column_sum", expected: 151_244_800 },
      { line: 6, column: 3, diagnosis: "column_sum", expected: 150_244_800 },
    ]);
    expect(findings[0]?.message).toBe(
      "Early Support: published allocation £265,416 but 17% of £1,502,449 (the printed total) is £255,416",
    );
  });

  test("percentages that do not add up to 100 are flagged on the totals row", () => {
    const short = lancashireYear2.map((record) =>
      record.line === 2
        ? { ...record, cells: ["Workforce and Co-ordination", "4%", "75,122", "75,122"] }
        : record,
    );
    const { findings } = checkCouncilTable(readCouncilTable(short));
    expect(findings.filter((found) => found.diagnosis === "percentage_split")).toEqual([
      expect.objectContaining({
        line: 6,
        column: 1,
        diagnosis: "percentage_split",
        unit: "percent",
        reported: 100,
        expected: 99,
        message: "Percentages: the rows' percentages add up to 99%, not 100%",
      }),
    ]);
  });
});

describe("readCouncilTable", () => {
  test("reads bracketed negatives, the usual column names and a totals label given", () => {
    const rows = records([
      ["Line", "Budget", "Outturn", "Variance"],
      ["A", "100", "120", "(20)"],
      ["All lines", "100", "120", "(£20)"],
    ]);
    const table = readCouncilTable(rows, { totalLabel: "All lines" });
    expect(table.rows).toEqual([
      { key: "A", allocationPence: 10_000, forecastPence: 12_000, reportedVariancePence: -2_000 },
    ]);
    expect(table.reportedTotals?.variancePence).toBe(-2_000);
    expect(checkCouncilTable(table).findings).toEqual([]);
    // Only a table as read is checked: a copy could have lost the shape the check relies on.
    expect(() => checkCouncilTable({ ...table })).toThrow("as readCouncilTable returns it");
    expect(Object.isFrozen(table.rows[0])).toBe(true);
  });

  test("lists every problem in the rows at once, each with its line", () => {
    const error = failure(() =>
      readCouncilTable(
        records([
          ["Line", "Allocation", "Forecast"],
          ["A", "ten", "1"],
          ["", "1", "1"],
          ["B", "1", ""],
        ]),
        { source: "paste" },
      ),
    );
    expect(error.code).toBe("invalid_table");
    expect(error.issues).toHaveLength(3);
    expect(error.message).toMatch(
      /^paste cannot be checked \(3 problems\):\npaste line 2, Allocation: /,
    );
  });

  test("refuses an empty table, a header alone, semicolons, a bad % and too many rows", () => {
    expect(() => readCouncilTable([])).toThrow("The table is empty");
    expect(() => readCouncilTable(records([["Key", "Allocation", "Forecast"]]))).toThrow(
      "has a header row but no rows",
    );
    expect(() => readCouncilTable(records([["Key;Allocation;Forecast"], ["a;1;2"]]))).toThrow(
      "looks separated by semicolons",
    );
    expect(() =>
      readCouncilTable(
        records([
          ["Key", "%", "Allocation", "Forecast"],
          ["a", "lots", "1", "1"],
        ]),
      ),
    ).toThrow('"lots" is not a percentage');
    const many = records([
      ["Key", "Allocation", "Forecast"],
      ...Array.from({ length: 501 }, (_, i) => [`row ${String(i)}`, "1", "1"]),
    ]);
    expect(() => readCouncilTable(many)).toThrow("has 501 rows");
  });

  test("finds the columns by name and says what is missing or ambiguous", () => {
    const header = (cells: string[]) =>
      failure(() => readCouncilTable(records([cells, ["a", "1", "1"]])));
    expect(header(["Area", "Cost", "Notes"]).issues).toEqual([
      "there is no allocation column",
      "there is no forecast column",
    ]);
    expect(
      header(["Work Stream Funding Allocation", "Year 2 Allocation (£)", "Spend"]).issues,
    ).toEqual([
      '2 columns could be the allocation ("Work Stream Funding Allocation", "Year 2 Allocation (£)"); keep one',
    ]);
    expect(header(["Allocation", "Forecast"]).issues).toEqual([
      "there is no column that names each row",
    ]);
  });

  test("refuses a row label used twice and a table of only a totals row", () => {
    expect(
      failure(() =>
        readCouncilTable(
          records([
            ["Label", "Allocation", "Forecast"],
            ["A", "1", "1"],
            ["A", "2", "2"],
            ["Total", "3", "3"],
            ["Grand total", "3", "3"],
          ]),
        ),
      ).issues,
    ).toEqual([
      'The table line 3: "A" is already on line 2; each row needs its own label.',
      'The table line 5: "Grand total" is already on line 4; each row needs its own label.',
    ]);
    expect(() =>
      readCouncilTable(
        records([
          ["Label", "Allocation", "Forecast"],
          ["Total", "3", "3"],
        ]),
      ),
    ).toThrow("has only a totals row");
  });

  test("refuses records that are not rows of text with a line number", () => {
    expect(() => readCouncilTable("a,b" as never)).toThrow("records must be a list");
    expect(() => readCouncilTable([{ line: 0, cells: [] }])).toThrow("records[0].line must be");
    expect(() => readCouncilTable([{ line: 1, cells: [1] }] as never)).toThrow(
      "records[0].cells must be a list of the row's cells as text",
    );
    expect(() => readCouncilTable([], { source: 5 } as never)).toThrow(
      "options.source must be text",
    );
    expect(() => readCouncilTable([], { totalLabel: 5 } as never)).toThrow(
      "options.totalLabel must be text",
    );
  });

  test("reads brackets as one negative, never two", () => {
    expect(readTableMoney("£(1,234)")).toBe(-123_400);
    expect(() => readTableMoney("(-5)")).toThrow("negative twice");
  });
});
