import { expect, test } from "vitest";

import { splitAtDisplayUnit } from "./display-unit-split";
import { FundingInputError } from "./errors";
import { formatMoney } from "./money";
import { planFunding } from "./plan-funding";

// Lancashire's 5/17/68/10 split of £1,047,003, £1,502,449 and £1,502,449, as planFunding gives it.
const lancashire = planFunding({
  name: "Lancashire",
  financialYears: ["2013/14", "2014/15", "2015/16"],
  workstreams: [
    { key: "workforce", name: "Workforce", percent: 5 },
    { key: "early", name: "Early Support", percent: 17 },
    { key: "risk", name: "Medium and High Risk", percent: 68 },
    { key: "perpetrators", name: "Perpetrators", percent: 10 },
  ],
  costs: [
    { financialYear: "2013/14", amountPence: 104_700_300 },
    { financialYear: "2014/15", amountPence: 150_244_900 },
    { financialYear: "2015/16", amountPence: 150_244_900 },
  ],
});
const table = lancashire.totals.workstreams.map((workstream) =>
  lancashire.years.map(
    (year) => year.workstreams.find((part) => part.key === workstream.key)?.amountPence ?? 0,
  ),
);
// What a reader adds up with a calculator: the printed pounds.
const printed = (pence: number) => Number(formatMoney(pence).replace(/[£,]/g, ""));

test("rounding each amount alone prints a table that does not add up (the bug this fixes)", () => {
  const risk = table[2] ?? [];
  const rowTotal = risk.reduce((sum, pence) => sum + pence, 0);
  expect(risk.map(printed).reduce((sum, pounds) => sum + pounds, 0)).toBe(2_755_292);
  expect(printed(rowTotal)).toBe(2_755_293);
});

test("Lancashire's workstream table printed in pounds adds up across, down and in total", () => {
  const { rows, rowTotals, columnTotals, totalPence } = splitAtDisplayUnit(table);
  rows.forEach((row, r) => {
    expect(row.map(printed).reduce((sum, pounds) => sum + pounds, 0)).toBe(
      printed(rowTotals[r] ?? 0),
    );
  });
  columnTotals.forEach((total, c) => {
    expect(rows.map((row) => printed(row[c] ?? 0)).reduce((sum, pounds) => sum + pounds, 0)).toBe(
      printed(total),
    );
  });
  expect(columnTotals).toEqual([104_700_300, 150_244_900, 150_244_900]);
  expect(totalPence).toBe(405_190_100);
  expect(rowTotals.reduce((sum, pence) => sum + pence, 0)).toBe(totalPence);
  expect(rows[2]).toEqual([71_196_200, 102_166_500, 102_166_500]);
  // Every printed cell is within a pound of its exact amount.
  rows.forEach((row, r) => {
    row.forEach((pence, c) => {
      expect(Math.abs(pence - (table[r]?.[c] ?? 0))).toBeLessThan(100);
    });
  });
});

test("the pound left over goes to the largest remainder, ties to the earlier row", () => {
  expect(splitAtDisplayUnit([[33_40], [33_30], [33_30]]).rows).toEqual([[3400], [3300], [3300]]);
  expect(splitAtDisplayUnit([[50], [50]]).rows).toEqual([[100], [0]]);
});

test("any unit, negative amounts and empty columns", () => {
  const thousands = splitAtDisplayUnit([[123_456_78], [876_543_21]], { unitPence: 100_000 });
  expect(thousands.rows).toEqual([[12_300_000], [87_700_000]]);
  expect(thousands.columnTotals).toEqual([100_000_000]);
  const refunds = splitAtDisplayUnit([
    [-1_50, 0],
    [3_70, 0],
  ]);
  expect(refunds.rows).toEqual([
    [-200, 0],
    [400, 0],
  ]);
  expect(refunds.columnTotals).toEqual([200, 0]);
  expect(splitAtDisplayUnit([])).toEqual({
    rows: [],
    rowTotals: [],
    columnTotals: [],
    totalPence: 0,
  });
});

test("refuses rows of different lengths, a unit that is not whole pence and amounts that are not pence", () => {
  expect(() => splitAtDisplayUnit([[1, 2], [3]])).toThrow(/row 1 has 1 cells but row 0 has 2/);
  expect(() => splitAtDisplayUnit([[1]], { unitPence: 0.5 })).toThrow(FundingInputError);
  expect(() => splitAtDisplayUnit([[1.5]])).toThrow(/table\[0\]\[0\]/);
});
