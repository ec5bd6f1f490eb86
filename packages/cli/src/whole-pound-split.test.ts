import { expect, test } from "vitest";

import type { PlanLine } from "./plan-lines";
import { splitInWholePounds } from "./whole-pound-split";

const line = (label: string, years: number[]): PlanLine => ({
  section: "Workstream",
  label,
  years,
  totalPence: years.reduce((sum, pence) => sum + pence, 0),
});

test("Lancashire's 68 % line adds up in pounds, and each year still shares out its cost", () => {
  // 5/17/68/10 of £1,047,003, £1,502,449 and £1,502,449, in pence.
  const lines = [
    line("Workforce", [5_235_015, 7_512_245, 7_512_245]),
    line("Early Support", [17_799_051, 25_541_633, 25_541_633]),
    line("Medium and High Risk", [71_196_204, 102_166_532, 102_166_532]),
    line("Perpetrators", [10_470_030, 15_024_490, 15_024_490]),
  ];
  const rounded = splitInWholePounds(lines);
  const mediumHigh = rounded[2];
  expect(mediumHigh?.years).toEqual([71_196_200, 102_166_500, 102_166_500]);
  expect(mediumHigh?.totalPence).toBe(275_529_200); // £2,755,292, the sum of its printed years
  for (const [year, cost] of [104_700_300, 150_244_900, 150_244_900].entries()) {
    expect(rounded.reduce((sum, part) => sum + (part.years[year] ?? 0), 0)).toBe(cost);
  }
  for (const part of rounded) {
    expect(part.years.every((pence) => pence % 100 === 0)).toBe(true);
  }
});

test("a year with nothing to split stays at nothing; no lines give no lines", () => {
  expect(
    splitInWholePounds([line("A", [0, 150]), line("B", [0, 150])]).map((l) => l.years),
  ).toEqual([
    [0, 200],
    [0, 100],
  ]);
  expect(splitInWholePounds([])).toEqual([]);
});
