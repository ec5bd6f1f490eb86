import { describeValue } from "@dapkit/schemas";

import { FundingInputError } from "./errors";
import { commonScale, exactDecimalOf, unitsAt } from "./exact-arithmetic";
import {
  isNewKey,
  keySetFor,
  requireList,
  requireNumber,
  requirePence,
  requireUniqueKey,
} from "./input-checks";
import { splitByLargestRemainder, splitWholeNumber } from "./largest-remainder";

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
  const { list, keys } = readShares(shares, "allocateByPercent");
  let sum = 0;
  const millionths = keys.map((key, index) => {
    const percent = (list[index] as { percent?: unknown }).percent;
    if (!(typeof percent === "number" && percent >= 0 && percent <= 100)) {
      refusePercent(percent, index, key);
    }
    const part = Math.round(percent * PERCENT_SCALE);
    sum += part;
    return part;
  });
  if (sum !== HUNDRED_PERCENT) {
    throw new FundingInputError(
      "invalid_allocation",
      `allocateByPercent: the percentages must add up to 100, but they add up to ${String(sum / PERCENT_SCALE)}`,
      { field: "shares" },
    );
  }
  return keyed(keys, splitWholeNumber(total, millionths));
}

// Throws the error that names a share's percentage: one that is not a number from 0 to 100.
function refusePercent(value: unknown, index: number, key: string): never {
  const field = `shares[${String(index)}].percent`;
  const percent = requireNumber(value, field, {
    bound: "non-negative",
    code: "invalid_allocation",
  });
  // A finite number that is not negative: above 100 is all that is left.
  throw new FundingInputError(
    "invalid_allocation",
    `${field} (${JSON.stringify(key)}) must be at most 100, got ${String(percent)}`,
    { field },
  );
}

function keyed<K extends string>(
  keys: readonly string[],
  amounts: readonly number[],
): Allocation<K>[] {
  return amounts.map((amountPence, index) => ({ key: keys[index] as K, amountPence }));
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
  const { list, keys } = readShares(shares, "allocateByWeight");
  const weights = list.map((share, index) =>
    exactDecimalOf(
      requireNumber((share as { weight?: unknown }).weight, `shares[${String(index)}].weight`, {
        bound: "non-negative",
        code: "invalid_allocation",
      }),
    ),
  );
  if (weights.every((weight) => weight.units === 0n)) {
    throw new FundingInputError(
      "invalid_allocation",
      "allocateByWeight: at least one weight must be greater than 0",
      { field: "shares" },
    );
  }
  const scale = commonScale(weights);
  const amounts = splitByLargestRemainder(total, weights, (weight) => unitsAt(weight, scale));
  return keyed(
    keys,
    amounts.map((part) => part.amount),
  );
}

function requireTotal(totalPence: number, caller: string): number {
  return requirePence(totalPence, `${caller}: totalPence`, {
    allowNegative: true,
    code: "invalid_allocation",
  });
}

// Checks the list and every share's key, all before any share's amount, and returns the keys.
function readShares(shares: unknown, caller: string): { list: readonly object[]; keys: string[] } {
  const list = requireList(shares, `${caller}: shares`, "invalid_allocation");
  if (list.length === 0) {
    throw new FundingInputError("invalid_allocation", `${caller}: give at least one share`, {
      field: "shares",
    });
  }
  const seen = keySetFor(list.length);
  const keys = list.map((share, index) => {
    if (typeof share !== "object" || share == null) {
      const field = `shares[${String(index)}]`;
      throw new FundingInputError(
        "invalid_allocation",
        `${caller}: ${field} must be an object with a key, got ${describeValue(share)}`,
        { field },
      );
    }
    const key: unknown = "key" in share ? share.key : undefined;
    // The field is named only for a key at fault: building it for every share costs more than the split.
    return isNewKey(key, seen)
      ? key
      : requireUniqueKey(key, `shares[${String(index)}].key`, {
          seen,
          code: "invalid_allocation",
        });
  });
  return { list: list as readonly object[], keys };
}
