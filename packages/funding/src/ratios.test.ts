import { expect, test } from "vitest";

import { FundingInputError } from "./errors";
import { benefitCostRatio } from "./cost-benefit";
import { coverage, impliedPopulation, positionInRange } from "./ratios";
import { ratePer } from "./demand";

test("the population a count and a rate imply, the inverse of ratePer", () => {
  expect(impliedPopulation(600, 40, 10_000)).toBe(150_000);
  expect(impliedPopulation(29_645, 16)).toBe(1_852_812.5);
  expect(ratePer(600, impliedPopulation(600, 40, 10_000), 10_000)).toBe(40);
  expect(() => impliedPopulation(600, 0)).toThrow("rate must be greater than 0, got 0");
});

test("where a value sits in a regional range, inside or out", () => {
  expect(positionInRange(14, { low: 10, high: 18 })).toEqual({ fraction: 0.5, within: true });
  expect(positionInRange(10, { low: 10, high: 18 })).toEqual({ fraction: 0, within: true });
  expect(positionInRange(20, { low: 10, high: 18 })).toEqual({ fraction: 1.25, within: false });
  expect(positionInRange(8, { low: 10, high: 18 }).within).toBe(false);
  expect(() => positionInRange(1, { low: 5, high: 5 })).toThrow(
    "range.high must be above range.low, got 5 to 5",
  );
});

test("coverage: 50 of 243 GP practices", () => {
  expect(coverage(50, 243)).toEqual({
    covered: 50,
    total: 243,
    fraction: 50 / 243,
    text: "50 of 243 (20.6 %)",
  });
  expect(coverage(1234, 1234).text).toBe("1,234 of 1,234 (100.0 %)");
  for (const [covered, total] of [
    [5, 0],
    [6, 5],
    [1.5, 5],
  ] as const) {
    expect(() => coverage(covered, total)).toThrow(FundingInputError);
  }
});

test("positionInRange and benefitCostRatio refuse a missing or non-object argument by name", () => {
  expect(() => positionInRange(14, undefined as unknown as { low: number; high: number })).toThrow(
    "range is required, got nothing",
  );
  expect(() => positionInRange(14, "10-18" as unknown as { low: number; high: number })).toThrow(
    /^range must be an object/,
  );
  expect(() =>
    benefitCostRatio(undefined as unknown as Parameters<typeof benefitCostRatio>[0]),
  ).toThrow("appraisal is required, got nothing");
});
