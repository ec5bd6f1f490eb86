import { describe, expect, test } from "vitest";

import { formatIssues } from "./format-issues";
import { VarianceTablesSchema, VarianceTableSchema } from "./variance-table";

const row = { key: "Early Support", allocationPence: 25_543_300, forecastPence: 18_728_800 };

function problems(
  schema: typeof VarianceTableSchema | typeof VarianceTablesSchema,
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : formatIssues(result.error);
}

describe("VarianceTableSchema", () => {
  test("accepts a published table with or without its printed variances and totals", () => {
    const table = {
      title: "Year 1",
      rows: [row, { ...row, key: "Perpetrators", reportedVariancePence: null }],
      reportedTotals: { variancePence: 45_544_700 },
    };
    expect(VarianceTableSchema.parse(table)).toEqual(table);
  });

  test("needs at least one row, and row keys that differ", () => {
    expect(problems(VarianceTableSchema, { title: "Year 1", rows: [] })).toEqual([
      "rows: must have at least one row",
    ]);
    expect(problems(VarianceTableSchema, { title: "Year 1", rows: [row, row] })).toEqual([
      "rows.1.key: is used by another row of this table",
    ]);
  });

  test("tables stored together have different titles", () => {
    const table = { title: "Year 1", rows: [row] };
    expect(problems(VarianceTablesSchema, [table, table])).toEqual([
      "1.title: is used by another table",
    ]);
  });
});

test("a variance table refuses fields it does not know, naming them", () => {
  expect(
    problems(VarianceTableSchema, {
      title: "Year 1",
      rows: [{ ...row, varianceP: 1 }],
      reportedTotals: { allocation: 1 },
    }),
  ).toEqual([
    'rows.0: Unrecognized key: "varianceP"',
    'reportedTotals: Unrecognized key: "allocation"',
  ]);
});
