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
  const weights = items.map(weightOf);
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const amounts = weights.every((weight) => weight <= safe)
    ? splitWholeNumber(total, weights.map(Number))
    : withSign(total, splitInBigints(Math.abs(total), weights));
  return amounts.map((amount, index) => ({ item: items[index] as T, amount }));
}

/**
 * Splits a safe integer by non-negative safe-integer weights with a positive sum, largest remainder
 * first, ties to the weight listed first (internal). A negative total is split as the mirror image
 * of the positive one.
 *
 * @example
 * splitWholeNumber(-10, [1, 1, 1]); // [-4, -3, -3]
 */
export function splitWholeNumber(total: number, weights: readonly number[]): number[] {
  const magnitude = Math.abs(total);
  const amounts =
    splitInNumbers(magnitude, weights) ?? splitInBigints(magnitude, weights.map(BigInt));
  return withSign(total, amounts);
}

// Negating the split of the magnitude keeps a negative split the exact mirror of the positive one.
function withSign(total: number, amounts: readonly number[]): number[] {
  const sign = total < 0 ? -1 : 1;
  return amounts.map((amount) => (amount === 0 ? 0 : sign * amount));
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const rest = x % y;
    x = y;
    y = rest;
  }
  return x;
}

/**
 * The largest-remainder split of a non-negative safe integer in plain numbers, or `undefined` when
 * some intermediate product would pass 2^53, where numbers stop being exact (internal: the fast path
 * of {@link splitWholeNumber}, which then uses {@link splitInBigints}).
 *
 * Every weight and the weight sum are first divided by their greatest common divisor, which changes
 * no quotient and scales every remainder alike (so their order stays). With the magnitude written
 * as q × sum + r, each share is q × weight + ⌊r × weight ÷ sum⌋ with remainder (r × weight) mod sum:
 * the only product is r × weight, and r is below the sum.
 *
 * @example
 * splitInNumbers(150244900, [1, 1]); // [75122450, 75122450]
 */
export function splitInNumbers(
  magnitude: number,
  weights: readonly number[],
): number[] | undefined {
  let weightSum = 0;
  let largest = 0;
  let divisor = 0;
  for (const weight of weights) {
    weightSum += weight;
    if (weight > largest) largest = weight;
    if (divisor !== 1) divisor = greatestCommonDivisor(divisor, weight);
  }
  // The weights are not negative, so a sum past the safe range stays past it however it rounds.
  if (weightSum > Number.MAX_SAFE_INTEGER) return undefined;
  const sum = weightSum / divisor;
  const rest = magnitude % sum;
  if (rest * (largest / divisor) > Number.MAX_SAFE_INTEGER) return undefined;
  const quotient = (magnitude - rest) / sum;
  // Typed arrays rather than an object per share: no garbage for 10,000 shares but the result.
  const amounts = new Float64Array(weights.length);
  const remainders = new Float64Array(weights.length);
  let given = 0;
  let index = 0;
  for (const each of weights) {
    const weight = each / divisor;
    const product = rest * weight;
    const remainder = product % sum;
    const amount = quotient * weight + (product - remainder) / sum;
    amounts[index] = amount;
    remainders[index] = remainder;
    given += amount;
    index += 1;
  }
  const leftover = magnitude - given;
  const threshold =
    leftover > 0 ? nthSmallest(remainders.slice(), remainders.length - leftover) : 0;
  return giveLeftover(amounts, remainders, { leftover, threshold });
}

/**
 * The largest-remainder split of a non-negative safe integer in bigints, exact whatever the sizes
 * (internal: the slow path of {@link splitWholeNumber}).
 *
 * @example
 * splitInBigints(10, [1n, 1n, 1n]); // [4, 3, 3]
 */
export function splitInBigints(magnitude: number, weights: readonly bigint[]): number[] {
  const whole = BigInt(magnitude);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  const amounts = new Float64Array(weights.length);
  let given = 0;
  // Each share's whole part is at most the magnitude, a safe integer, so it converts back exactly.
  const remainders = weights.map((weight, index) => {
    const product = whole * weight;
    const amount = Number(product / weightSum);
    amounts[index] = amount;
    given += amount;
    return product % weightSum;
  });
  const leftover = magnitude - given;
  // The leftover-th largest remainder is the smallest of the `leftover` largest.
  const threshold =
    leftover > 0
      ? [...remainders]
          .sort((a, b) => (a === b ? 0 : a > b ? -1 : 1))
          .slice(0, leftover)
          .reduce((smallest, each) => (each < smallest ? each : smallest))
      : 0n;
  return giveLeftover(amounts, remainders, { leftover, threshold });
}

// A value from an index the loop bounds keep in range: to the compiler a typed array's element may
// be undefined, and a fallback for that would be a branch that never runs.
function element(values: Float64Array, index: number): number {
  return Number(values[index]);
}

/**
 * The `n`th smallest of some numbers, counting from 0, reordering them (internal): Hoare's
 * selection, which partitions around a middle value and keeps only the side holding the `n`th, so
 * it takes time in proportion to the count rather than sorting them all (a sort of 10,000
 * remainders took longer than the rest of the split).
 *
 * @example
 * nthSmallest(Float64Array.of(5, 1, 4), 1); // 4
 */
export function nthSmallest(values: Float64Array, n: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = element(values, (left + right) >>> 1);
    let low = left;
    let high = right;
    while (low <= high) {
      while (element(values, low) < pivot) low += 1;
      while (element(values, high) > pivot) high -= 1;
      if (low <= high) {
        const swapped = element(values, low);
        values[low] = element(values, high);
        values[high] = swapped;
        low += 1;
        high -= 1;
      }
    }
    // Everything up to `high` is at most the pivot, everything from `low` at least it, and
    // anything between them equals it.
    if (n <= high) right = high;
    else if (n >= low) left = low;
    else break;
  }
  return element(values, n);
}

// Gives the leftover units, one each, to the largest remainders, equal remainders in list order.
// `threshold` is the leftover-th largest remainder: every remainder above it gets a unit (there are
// fewer of them than the leftover), then the first of those equal to it take the rest. That is
// what a stable sort by remainder would give, without sorting the shares themselves.
function giveLeftover<R extends number | bigint>(
  amounts: Float64Array,
  remainders: Iterable<R>,
  { leftover, threshold }: { leftover: number; threshold: R },
): number[] {
  // With nothing left over every remainder is 0, and so is the threshold given: nobody gains.
  let ties = leftover;
  for (const remainder of remainders) {
    if (remainder > threshold) ties -= 1;
  }
  const result: number[] = [];
  let index = 0;
  for (const remainder of remainders) {
    const tie = remainder === threshold && ties > 0;
    if (tie) ties -= 1;
    const amount = element(amounts, index);
    result.push(tie || remainder > threshold ? amount + 1 : amount);
    index += 1;
  }
  return result;
}
