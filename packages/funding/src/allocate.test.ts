import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateByPercent, allocateByWeight, type PercentShare } from "./allocate";
import { FundingInputError } from "./errors";
import { formatMoney } from "./money";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

const lancashireSplit = [
  { key: "Workforce and Co-ordination", percent: 5 },
  { key: "Early Support", percent: 17 },
  { key: "Medium and High Risk Support", percent: 68 },
  { key: "Perpetrators", percent: 10 },
] as const;

describe("allocateByPercent", () => {
  test("splits Lancashire's £1,502,449 5/17/68/10 to the penny", () => {
    const parts = allocateByPercent(150_244_900, lancashireSplit);
    expect(parts).toEqual([
      { key: "Workforce and Co-ordination", amountPence: 7_512_245 },
      { key: "Early Support", amountPence: 25_541_633 },
      { key: "Medium and High Risk Support", amountPence: 102_166_532 },
      { key: "Perpetrators", amountPence: 15_024_490 },
    ]);
    // In whole pounds these are the figures the council published for Years 2 and 3.
    expect(parts.map((part) => formatMoney(part.amountPence))).toEqual([
      "£75,122",
      "£255,416",
      "£1,021,665",
      "£150,245",
    ]);
  });

  test("gives the leftover pennies to the largest remainders, then to the share listed first", () => {
    expect(
      allocateByPercent(100, [
        { key: "a", percent: 33.33 },
        { key: "b", percent: 33.33 },
        { key: "c", percent: 33.34 },
      ]),
    ).toEqual([
      { key: "a", amountPence: 33 },
      { key: "b", amountPence: 33 },
      { key: "c", amountPence: 34 },
    ]);
    // 1p split three ways: exact shares are equal, so the first listed gets the penny.
    expect(
      allocateByPercent(1, [
        { key: "c", percent: 25 },
        { key: "a", percent: 50 },
        { key: "b", percent: 25 },
      ]).map((part) => part.amountPence),
    ).toEqual([0, 1, 0]);
    expect(
      allocateByPercent(2, [
        { key: "x", percent: 25 },
        { key: "y", percent: 25 },
        { key: "z", percent: 50 },
      ]).map((part) => part.amountPence),
    ).toEqual([1, 0, 1]);
    expect(
      allocateByPercent(1, [
        { key: "x", percent: 50 },
        { key: "y", percent: 50 },
      ]).map((part) => part.amountPence),
    ).toEqual([1, 0]);
  });

  test("splits a negative total as the mirror image of the positive one, and zero as zeros", () => {
    expect(
      allocateByPercent(-150_244_900, lancashireSplit).map((part) => part.amountPence),
    ).toEqual([-7_512_245, -25_541_633, -102_166_532, -15_024_490]);
    const zero = allocateByPercent(0, lancashireSplit).map((part) => part.amountPence);
    expect(zero).toEqual([0, 0, 0, 0]);
    expect(zero.every((amount) => Object.is(amount, 0))).toBe(true);
    expect(
      allocateByPercent(-1, [
        { key: "x", percent: 50 },
        { key: "y", percent: 50 },
      ]),
    ).toEqual([
      { key: "x", amountPence: -1 },
      { key: "y", amountPence: 0 },
    ]);
  });

  test("reads percentages to the millionth, as the plan schema does", () => {
    expect(
      allocateByPercent(300, [
        { key: "a", percent: 33.333333 },
        { key: "b", percent: 33.333333 },
        { key: "c", percent: 33.333334 },
      ]).map((part) => part.amountPence),
    ).toEqual([100, 100, 100]);
    expect(
      allocateByPercent(Number.MAX_SAFE_INTEGER, [
        { key: "a", percent: 0.000001 },
        { key: "b", percent: 99.999999 },
      ]).map((part) => part.amountPence),
    ).toEqual([90_071_993, 9_007_199_164_668_998]);
    // Beyond the sixth decimal place a percentage is rounded, as FundingPlanSchema rounds it.
    expect(
      allocateByPercent(2, [
        { key: "a", percent: 50.0000004 },
        { key: "b", percent: 49.9999996 },
      ]).map((part) => part.amountPence),
    ).toEqual([1, 1]);
  });

  test("refuses percentages that do not add up to 100", () => {
    const error = failure(() =>
      allocateByPercent(100, [
        { key: "a", percent: 100 / 3 },
        { key: "b", percent: 100 / 3 },
        { key: "c", percent: 100 / 3 },
      ]),
    );
    expect(error.code).toBe("invalid_allocation");
    expect(error.field).toBe("shares");
    expect(error.message).toBe(
      "allocateByPercent: the percentages must add up to 100, but they add up to 99.999999",
    );
    expect(
      failure(() =>
        allocateByPercent(100, [
          { key: "a", percent: 60 },
          { key: "b", percent: 30 },
        ]),
      ).message,
    ).toContain("they add up to 90");
  });

  test.each([
    [
      [
        { key: "a", percent: -5 },
        { key: "b", percent: 105 },
      ],
      "shares[0].percent must not be negative, got -5",
    ],
    [
      [
        { key: "a", percent: 105 },
        { key: "b", percent: -5 },
      ],
      'shares[0].percent ("a") must be at most 100, got 105',
    ],
    [[{ key: "a", percent: Number.NaN }], "shares[0].percent must be a finite number, got NaN"],
    [[{ key: "a", percent: "50" }], 'shares[0].percent must be a finite number, got "50"'],
    [
      [
        { key: "a", percent: 50 },
        { key: "a", percent: 50 },
      ],
      'shares[1].key "a" is used twice; every key must be different',
    ],
    [[{ key: "", percent: 100 }], 'shares[0].key must be a non-empty text key, got ""'],
    [[{ percent: 100 }], "shares[0].key must be a non-empty text key, got nothing"],
    [[null], "allocateByPercent: shares[0] must be an object with a key, got null"],
    [[], "allocateByPercent: give at least one share"],
    ["a", 'allocateByPercent: shares must be a list, got "a"'],
  ])("refuses bad shares %j", (shares, message) => {
    const error = failure(() => allocateByPercent(100, shares as unknown as PercentShare[]));
    expect(error.code).toBe("invalid_allocation");
    expect(error.message).toBe(message);
  });

  test("refuses a total that is not whole pence", () => {
    for (const total of [1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      const error = failure(() => allocateByPercent(total, lancashireSplit));
      expect(error.code).toBe("invalid_allocation");
      expect(error.message).toBe(
        `allocateByPercent: totalPence must be a whole number of pence within the safe integer range, got ${String(total)}`,
      );
    }
  });
});

describe("allocateByWeight", () => {
  test("splits in proportion to weights, reading decimals as written", () => {
    expect(
      allocateByWeight(1000, [
        { key: "police", weight: 1 },
        { key: "nhs", weight: 1 },
        { key: "county", weight: 1 },
      ]),
    ).toEqual([
      { key: "police", amountPence: 334 },
      { key: "nhs", amountPence: 333 },
      { key: "county", amountPence: 333 },
    ]);
    expect(
      allocateByWeight(10, [
        { key: "a", weight: 0.1 },
        { key: "b", weight: 0.2 },
        { key: "c", weight: 0.7 },
      ]).map((part) => part.amountPence),
    ).toEqual([1, 2, 7]);
    // Trust for London's England service costs (£m): health 1,600, CJS 1,200, social services 268.
    expect(
      allocateByWeight(100_000_000, [
        { key: "health", weight: 1600 },
        { key: "cjs", weight: 1200 },
        { key: "social", weight: 268 },
        { key: "none", weight: 0 },
      ]).map((part) => part.amountPence),
    ).toEqual([52_151_239, 39_113_429, 8_735_332, 0]);
  });

  test("handles weights of very different sizes exactly", () => {
    expect(
      allocateByWeight(1_000_000, [
        { key: "tiny", weight: 1e-9 },
        { key: "huge", weight: 1e12 },
      ]).map((part) => part.amountPence),
    ).toEqual([0, 1_000_000]);
    expect(
      allocateByWeight(-7, [
        { key: "a", weight: 2 },
        { key: "b", weight: 5 },
      ]).map((part) => part.amountPence),
    ).toEqual([-2, -5]);
  });

  test("refuses weights that are negative, not finite or all zero", () => {
    expect(failure(() => allocateByWeight(10, [{ key: "a", weight: -1 }])).message).toBe(
      "shares[0].weight must not be negative, got -1",
    );
    expect(failure(() => allocateByWeight(10, [{ key: "a", weight: Infinity }])).message).toBe(
      "shares[0].weight must be a finite number, got Infinity",
    );
    const zero = failure(() =>
      allocateByWeight(10, [
        { key: "a", weight: 0 },
        { key: "b", weight: 0 },
      ]),
    );
    expect(zero.code).toBe("invalid_allocation");
    expect(zero.message).toBe("allocateByWeight: at least one weight must be greater than 0");
    expect(
      failure(() =>
        allocateByWeight(10, [
          { key: "a", weight: 1 },
          { key: "a", weight: 2 },
        ]),
      ).code,
    ).toBe("invalid_allocation");
    expect(failure(() => allocateByWeight(10, [])).message).toBe(
      "allocateByWeight: give at least one share",
    );
    expect(failure(() => allocateByWeight(0.5, [{ key: "a", weight: 1 }])).message).toContain(
      "allocateByWeight: totalPence must be a whole number of pence",
    );
  });
});

// Decimal weights n / 10^d, kept with their exact value in millionths so the test needs no floating point.
const weightShares = fc
  .array(
    fc.record({
      units: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constant(0)),
      decimals: fc.integer({ min: 0, max: 6 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .filter((weights) => weights.some((weight) => weight.units > 0))
  .map((weights) =>
    weights.map(({ units, decimals }, index) => ({
      key: `k${String(index)}`,
      weight: units / 10 ** decimals,
      millionths: BigInt(units) * 10n ** BigInt(6 - decimals),
    })),
  );
// Percentages in hundredths of a per cent that add up to exactly 100.
const percentShares = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
  .filter((cuts) => cuts.length > 0)
  .map((cuts): PercentShare[] => {
    const sorted = [...cuts].sort((a, b) => a - b).slice(0, -1);
    const bounds = [0, ...sorted, 10_000];
    return bounds.slice(1).map((bound, index) => ({
      key: `k${String(index)}`,
      percent: (bound - (bounds[index] ?? 0)) / 100,
    }));
  });
const totals = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -10_000, max: 10_000 }));

// Whether an amount is less than 1p from its exact share, total × weight / weightSum, without floating point.
function withinOnePenny(
  amount: number,
  share: { total: number; weight: bigint; weightSum: bigint },
): boolean {
  const difference = BigInt(amount) * share.weightSum - BigInt(share.total) * share.weight;
  return difference < share.weightSum && difference > -share.weightSum;
}

describe("allocation properties", () => {
  test("property: percentage parts add up exactly, keep order and stay within 1p of their share", () => {
    fc.assert(
      fc.property(totals, percentShares, (total, shares) => {
        const parts = allocateByPercent(total, shares);
        expect(parts.map((part) => part.key)).toEqual(shares.map((share) => share.key));
        expect(parts.reduce((sum, part) => sum + BigInt(part.amountPence), 0n)).toBe(BigInt(total));
        shares.forEach((share, index) => {
          const amount = parts[index]?.amountPence ?? Number.NaN;
          const weight = BigInt(Math.round(share.percent * 100));
          expect(withinOnePenny(amount, { total, weight, weightSum: 10_000n })).toBe(true);
          if (share.percent === 0) expect(amount).toBe(0);
        });
        expect(allocateByPercent(total, shares)).toEqual(parts);
        expect(allocateByPercent(-total, shares).map((part) => -part.amountPence || 0)).toEqual(
          parts.map((part) => part.amountPence),
        );
      }),
    );
  });

  test("property: weighted parts add up exactly, keep order and stay within 1p of their share", () => {
    fc.assert(
      fc.property(totals, weightShares, (total, shares) => {
        const parts = allocateByWeight(total, shares);
        expect(parts.map((part) => part.key)).toEqual(shares.map((share) => share.key));
        expect(parts.reduce((sum, part) => sum + BigInt(part.amountPence), 0n)).toBe(BigInt(total));
        const weightSum = shares.reduce((sum, share) => sum + share.millionths, 0n);
        shares.forEach((share, index) => {
          const amount = parts[index]?.amountPence ?? Number.NaN;
          expect(withinOnePenny(amount, { total, weight: share.millionths, weightSum })).toBe(true);
          if (share.weight === 0) expect(amount).toBe(0);
        });
        expect(allocateByWeight(total, shares)).toEqual(parts);
      }),
    );
  });

  test("property: any finite weights, however small or large, still add up exactly", () => {
    fc.assert(
      fc.property(
        totals,
        fc.array(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 6,
        }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const shares = weights.map((weight, index) => ({ key: `k${String(index)}`, weight }));
          const parts = allocateByWeight(total, shares);
          expect(parts.reduce((sum, part) => sum + BigInt(part.amountPence), 0n)).toBe(
            BigInt(total),
          );
          parts.forEach((part, index) => {
            if (weights[index] === 0) expect(part.amountPence).toBe(0);
          });
        },
      ),
    );
  });

  test("property: scaling every weight by the same factor does not change the split", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 1000 }),
        (total, weights, factor) => {
          fc.pre(weights.some((weight) => weight > 0));
          const shares = weights.map((weight, index) => ({ key: `k${String(index)}`, weight }));
          const scaled = shares.map((share) => ({ ...share, weight: share.weight * factor }));
          expect(allocateByWeight(total, scaled)).toEqual(allocateByWeight(total, shares));
        },
      ),
    );
  });
});
