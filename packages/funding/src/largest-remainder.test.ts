import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  nthSmallest,
  splitByLargestRemainder,
  splitInBigints,
  splitInNumbers,
  splitWholeNumber,
} from "./largest-remainder";

// The split as it was first written: every quotient and remainder in bigints, then a stable sort of
// the shares by remainder, the first `leftover` of which get a unit each. The faster paths must
// give exactly this.
function referenceSplit(total: number, weights: readonly bigint[]): number[] {
  const magnitude = BigInt(Math.abs(total));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  const parts = weights.map((weight) => ({
    amount: Number((magnitude * weight) / weightSum),
    remainder: (magnitude * weight) % weightSum,
  }));
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  );
  let leftover = Number(magnitude) - parts.reduce((sum, part) => sum + part.amount, 0);
  for (const part of byRemainder) {
    if (leftover === 0) break;
    part.amount += 1;
    leftover -= 1;
  }
  const sign = total < 0 ? -1 : 1;
  return parts.map(({ amount }) => (amount === 0 ? 0 : sign * amount));
}

const positiveSum = (weights: readonly number[]) => weights.some((weight) => weight > 0);
// Small weights give many equal remainders (the tie-break); large ones push past 2^53.
const weightLists = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 2 ** 26 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .filter(positiveSum);
const totals = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -10_000, max: 10_000 }));

describe("splitByLargestRemainder", () => {
  test("splits integers exactly", () => {
    expect(splitByLargestRemainder(10, ["a", "b", "c"], () => 1n)).toEqual([
      { item: "a", amount: 4 },
      { item: "b", amount: 3 },
      { item: "c", amount: 3 },
    ]);
    expect(
      splitByLargestRemainder(-10_000, [3n, 0n], (weight) => weight).map((part) => part.amount),
    ).toEqual([-10_000, 0]);
  });

  test("splits by weights beyond the safe integer range in bigints", () => {
    const huge = 2n ** 80n;
    expect(
      splitByLargestRemainder(7, [huge, huge, 0n, huge], (weight) => weight).map(
        (part) => part.amount,
      ),
    ).toEqual([3, 2, 0, 2]);
  });
});

describe("splitWholeNumber", () => {
  test("gives the leftover to the largest remainders, then to the weight listed first", () => {
    expect(splitWholeNumber(100, [3_333, 3_333, 3_334])).toEqual([33, 33, 34]);
    expect(splitWholeNumber(1, [1, 1, 1])).toEqual([1, 0, 0]);
    expect(splitWholeNumber(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(splitWholeNumber(0, [5, 0])).toEqual([0, 0]);
  });

  test("10,000 equal shares of £1,502,449: 15,024p each, the first 4,900 one penny more", () => {
    const amounts = splitWholeNumber(
      150_244_900,
      Array.from({ length: 10_000 }, () => 10_000),
    );
    expect(amounts.slice(0, 4_900).every((amount) => amount === 15_025)).toBe(true);
    expect(amounts.slice(4_900).every((amount) => amount === 15_024)).toBe(true);
  });

  test("property: agrees with the split in bigints and stable sort it replaced", () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        expect(splitWholeNumber(total, weights)).toEqual(
          referenceSplit(total, weights.map(BigInt)),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("splitInNumbers and splitInBigints", () => {
  test("plain numbers decline when a product would pass 2^53", () => {
    // The weights share no divisor, and the remainder of the total times the larger passes 2^53.
    expect(splitInNumbers(Number.MAX_SAFE_INTEGER, [3, 2 ** 40])).toBeUndefined();
    // The sum of the weights alone is past it.
    expect(splitInNumbers(10, [Number.MAX_SAFE_INTEGER, 2])).toBeUndefined();
    expect(splitInBigints(Number.MAX_SAFE_INTEGER, [3n, 2n ** 40n])).toEqual(
      referenceSplit(Number.MAX_SAFE_INTEGER, [3n, 2n ** 40n]),
    );
  });

  test("a common divisor keeps the total × weight products small: £1.5m over 1e8 millionths", () => {
    // 150,244,900 × 100,000,000 is past 2^53; divided by 10,000 the weights are 1 each.
    expect(splitInNumbers(150_244_900, [10_000, 99_990_000])).toEqual([15_024, 150_229_876]);
  });

  test("property: when plain numbers take the split, it is the exact one the bigints give", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), weightLists, (magnitude, weights) => {
        const fast = splitInNumbers(magnitude, weights);
        fc.pre(fast !== undefined);
        expect(fast).toEqual(splitInBigints(magnitude, weights.map(BigInt)));
      }),
      { numRuns: 500 },
    );
  });

  test("property: plain numbers always take totals and weights up to 2^26", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 26 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 26 }), { minLength: 1, maxLength: 40 }),
        (magnitude, weights) => {
          fc.pre(positiveSum(weights));
          expect(splitInNumbers(magnitude, weights)).toEqual(
            referenceSplit(magnitude, weights.map(BigInt)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  test("property: the bigints agree with the reference for weights of any size", () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.array(fc.bigInt({ min: 0n, max: 2n ** 90n }), { minLength: 1, maxLength: 20 }),
        (magnitude, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          expect(splitInBigints(magnitude, weights)).toEqual(referenceSplit(magnitude, weights));
        },
      ),
    );
  });
});

describe("nthSmallest", () => {
  test("finds the nth smallest, counting from 0, whatever the order and repeats", () => {
    expect(nthSmallest(Float64Array.of(5, 1, 4), 1)).toBe(4);
    expect(nthSmallest(Float64Array.of(7), 0)).toBe(7);
    expect(nthSmallest(new Float64Array(10_000).fill(4_900), 5_100)).toBe(4_900);
  });

  test("property: agrees with sorting", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.maxSafeNat()), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.nat(),
        (values, pick) => {
          const n = pick % values.length;
          const sorted = [...values].sort((a, b) => a - b);
          expect(nthSmallest(Float64Array.from(values), n)).toBe(sorted[n]);
        },
      ),
    );
  });
});
