import { describeValue } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { commonScale, exactDecimalOf, unitsAt } from "./exact-arithmetic";
import { requireList, requireNumber, requirePence, requireUniqueKey } from "./input-checks";

/**
 * One share of a split by percentage, such as a workstream's 68 %.
 *
 * @example
 * const share: PercentShare = { key: "medium-high-risk", percent: 68 };
 */
export interface PercentShare<K extends string = string> {
  readonly key: K;
  readonly percent: number;
}

/**
 * One share of a split by weight, such as a partner's share of the costs of domestic abuse.
 *
 * @example
 * const share: WeightShare = { key: "nhs", weight: 1.6 };
 */
export interface WeightShare<K extends string = string> {
  readonly key: K;
  readonly weight: number;
}

/**
 * One part of an allocation: the share's key and its amount in pence.
 *
 * @example
 * const part: Allocation = { key: "perpetrators", amountPence: 15024490 };
 */
export interface Allocation<K extends string = string> {
  readonly key: K;
  readonly amountPence: number;
}

// Percentages are read to the nearest millionth of a per cent, the same scale @dapkit/schemas checks
// a plan's workstreams on, so any plan that passes validation also allocates.
const PERCENT_SCALE = 1_000_000;
const HUNDRED_PERCENT = 100 * PERCENT_SCALE;

/**
 * Splits an amount of pence by percentages that add up to 100, so the parts add up exactly to the amount.
 *
 * Uses the largest-remainder method: every part first gets its exact share rounded towards zero, then the
 * pennies left over go one each to the parts with the largest remainders; ties go to the share listed first.
 * Every part is therefore within 1p of its exact share, and a share of 0 % gets nothing. Percentages are
 * read to the nearest millionth of a per cent and must add up to 100 on that scale (so 33.33 + 33.33 + 33.34
 * is accepted). A negative total is split as the mirror image of the positive one, so
 * `allocateByPercent(-x, s)` is `allocateByPercent(x, s)` with every amount negated.
 *
 * @example
 * allocateByPercent(150244900, [
 *   { key: "workforce", percent: 5 },
 *   { key: "early-support", percent: 17 },
 *   { key: "medium-high-risk", percent: 68 },
 *   { key: "perpetrators", percent: 10 },
 * ]);
 * // amounts 7512245, 25541633, 102166532 and 15024490 pence
 */
export function allocateByPercent<K extends string>(
  totalPence: number,
  shares: readonly PercentShare<K>[],
): Allocation<K>[] {
  const total = requireTotal(totalPence, "allocateByPercent");
  const entries = readShares(shares, "allocateByPercent").map(({ key, share, field }) => {
    const percent = requireNumber(share.percent, `${field}.percent`, {
      bound: "non-negative",
      code: "invalid_allocation",
    });
    if (percent > 100) {
      throw new FundingInputError(
        "invalid_allocation",
        `${field}.percent (${JSON.stringify(key)}) must be at most 100, got ${String(percent)}`,
        { field: `${field}.percent` },
      );
    }
    return { key, millionths: Math.round(percent * PERCENT_SCALE) };
  });
  const sum = entries.reduce((acc, entry) => acc + entry.millionths, 0);
  if (sum !== HUNDRED_PERCENT) {
    throw new FundingInputError(
      "invalid_allocation",
      `allocateByPercent: the percentages must add up to 100, but they add up to ${String(sum / PERCENT_SCALE)}`,
      { field: "shares" },
    );
  }
  return splitByLargestRemainder(total, entries, (entry) => BigInt(entry.millionths)).map(
    ({ item, amount }) => ({ key: item.key as K, amountPence: amount }),
  );
}

/**
 * Splits an amount of pence in proportion to non-negative weights, so the parts add up exactly to the amount.
 *
 * Weights are read as the decimals they print as (`0.1` is exactly one tenth), then the largest-remainder
 * method of {@link allocateByPercent} applies, with the same tie-break (larger remainder first, then the
 * share listed first) and the same mirror-image treatment of a negative total. At least one weight must be
 * above zero.
 *
 * @example
 * allocateByWeight(1000, [
 *   { key: "police", weight: 1 },
 *   { key: "nhs", weight: 1 },
 *   { key: "county", weight: 1 },
 * ]);
 * // [{ key: "police", amountPence: 334 }, { key: "nhs", amountPence: 333 }, { key: "county", amountPence: 333 }]
 */
export function allocateByWeight<K extends string>(
  totalPence: number,
  shares: readonly WeightShare<K>[],
): Allocation<K>[] {
  const total = requireTotal(totalPence, "allocateByWeight");
  const entries = readShares(shares, "allocateByWeight").map(({ key, share, field }) => ({
    key,
    weight: exactDecimalOf(
      requireNumber(share.weight, `${field}.weight`, {
        bound: "non-negative",
        code: "invalid_allocation",
      }),
    ),
  }));
  if (entries.every((entry) => entry.weight.units === 0n)) {
    throw new FundingInputError(
      "invalid_allocation",
      "allocateByWeight: at least one weight must be greater than 0",
      { field: "shares" },
    );
  }
  const scale = commonScale(entries.map((entry) => entry.weight));
  return splitByLargestRemainder(total, entries, (entry) => unitsAt(entry.weight, scale)).map(
    ({ item, amount }) => ({ key: item.key as K, amountPence: amount }),
  );
}

function requireTotal(totalPence: number, caller: string): number {
  return requirePence(totalPence, `${caller}: totalPence`, {
    allowNegative: true,
    code: "invalid_allocation",
  });
}

interface ReadShare {
  readonly key: string;
  readonly share: Partial<Record<"percent" | "weight", unknown>>;
  readonly field: string;
}

function readShares(shares: unknown, caller: string): ReadShare[] {
  const list = requireList(shares, `${caller}: shares`, "invalid_allocation");
  if (list.length === 0) {
    throw new FundingInputError("invalid_allocation", `${caller}: give at least one share`, {
      field: "shares",
    });
  }
  const seen = new Set<string>();
  return list.map((share, index) => {
    const field = `shares[${String(index)}]`;
    if (typeof share !== "object" || share == null) {
      throw new FundingInputError(
        "invalid_allocation",
        `${caller}: ${field} must be an object with a key, got ${describeValue(share)}`,
        { field },
      );
    }
    const key: unknown = "key" in share ? share.key : undefined;
    return {
      key: requireUniqueKey(key, `${field}.key`, { seen, code: "invalid_allocation" }),
      share,
      field,
    };
  });
}

/**
 * One item of a split and its whole-number amount (internal).
 *
 * @example
 * const part: SplitPart<string> = { item: "nhs", amount: 334 };
 */
export interface SplitPart<T> {
  readonly item: T;
  readonly amount: number;
}

/**
 * Splits a whole number among items by non-negative integer weights with a positive sum, largest remainder first (internal).
 *
 * @example
 * splitByLargestRemainder(10, ["a", "b", "c"], () => 1n); // amounts 4, 3, 3
 */
export function splitByLargestRemainder<T>(
  total: number,
  items: readonly T[],
  weightOf: (item: T) => bigint,
): SplitPart<T>[] {
  const magnitude = BigInt(Math.abs(total));
  const weights = items.map(weightOf);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  // When every product total × weight is a safe integer, plain numbers give the same exact
  // quotients and remainders as bigints, several times faster (10,000 partners in about a
  // millisecond); otherwise the bigints keep it exact whatever the sizes.
  // The sum must fit too: with a total of 0 the product says nothing, and a weight sum past
  // Number.MAX_VALUE would become Infinity (0 × Infinity is NaN).
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const exactInNumbers = weightSum <= safe && magnitude * weightSum <= safe;
  const parts = exactInNumbers
    ? splitInNumbers(Number(magnitude), weights, Number(weightSum))
    : splitInBigints(magnitude, weights, weightSum);
  // Array.prototype.sort is stable, so equal remainders keep their input order: the earlier share wins.
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  );
  let leftover = Number(magnitude) - parts.reduce((sum, part) => sum + part.amount, 0);
  for (const part of byRemainder) {
    if (leftover === 0) break;
    part.amount += 1;
    leftover -= 1;
  }
  // Negating the split of the magnitude keeps a negative split the exact mirror of the positive one.
  const sign = total < 0 ? -1 : 1;
  return parts.map(({ amount }, index) => ({
    item: items[index] as T,
    amount: amount === 0 ? 0 : sign * amount,
  }));
}

interface Share {
  amount: number;
  remainder: number | bigint;
}

// Each product is a safe integer, so % is exact and (product − remainder) ÷ sum divides exactly.
function splitInNumbers(magnitude: number, weights: readonly bigint[], weightSum: number): Share[] {
  return weights.map((weight) => {
    const product = magnitude * Number(weight);
    const remainder = product % weightSum;
    return { amount: (product - remainder) / weightSum, remainder };
  });
}

// Each share's whole part is at most the total, a safe integer, so it converts back exactly.
function splitInBigints(magnitude: bigint, weights: readonly bigint[], weightSum: bigint): Share[] {
  return weights.map((weight) => ({
    amount: Number((magnitude * weight) / weightSum),
    remainder: (magnitude * weight) % weightSum,
  }));
}
