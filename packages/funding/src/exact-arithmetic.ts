import { FundingInputError } from "./errors";

/**
 * Divides two integers and rounds half away from zero, exactly (internal).
 *
 * @example
 * divideRoundingHalfAwayFromZero(5n, 2n); // 3n
 * divideRoundingHalfAwayFromZero(-5n, 2n); // -3n
 */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d + (2n * (n % d) >= d ? 1n : 0n);
  return negative ? -quotient : quotient;
}

/**
 * Rounds a finite number to the nearest integer, halves away from zero (internal).
 *
 * @example
 * roundHalfAwayFromZero(-2.5); // -3
 */
export function roundHalfAwayFromZero(value: number): number {
  // Math.round sends -2.5 to -2; finance rounds halves away from zero in both directions.
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Turns an exact integer of pence into a number, refusing anything outside the safe integer range (internal).
 *
 * @example
 * toSafePence(150244900n, "the total"); // 150244900
 */
export function toSafePence(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new FundingInputError(
      "invalid_money",
      `${what} comes to ${value.toString()} pence, which is beyond the safe integer range of pence (±${Number.MAX_SAFE_INTEGER.toString()})`,
    );
  }
  return Number(value);
}

/**
 * Adds amounts of pence exactly, refusing a total outside the safe integer range (internal).
 *
 * @example
 * sumPence([1, 2, 3], "the total cost"); // 6
 */
export function sumPence(values: readonly number[], what: string): number {
  // Adding two safe integers is exact whenever the result is a safe integer, and a result past
  // the safe range stays past it however it rounds; so while every partial sum is safe, plain
  // numbers give the exact sum. Otherwise bigints, which may come back into range or say why not.
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (!(sum <= Number.MAX_SAFE_INTEGER && sum >= Number.MIN_SAFE_INTEGER)) {
      return toSafePence(
        values.reduce((total, each) => total + BigInt(each), 0n),
        what,
      );
    }
  }
  return sum;
}

/**
 * Subtracts one amount of pence from another exactly, refusing a result outside the safe integer
 * range (internal); `what` names the result, and is called only then.
 *
 * @example
 * differencePence(300, 100, () => "the variance"); // 200
 */
export function differencePence(minuend: number, subtrahend: number, what: () => string): number {
  // Exact when the result is a safe integer, for the reason given in sumPence.
  const difference = minuend - subtrahend;
  return Number.isSafeInteger(difference)
    ? difference
    : toSafePence(BigInt(minuend) - BigInt(subtrahend), what());
}

/**
 * A non-negative decimal held exactly as `units / 10 ** scale` (internal).
 *
 * @example
 * const third: ExactDecimal = { units: 3333n, scale: 2 }; // 33.33
 */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Reads a finite, non-negative number as the decimal it prints as, so `0.1` is exactly one tenth (internal).
 *
 * @example
 * exactDecimalOf(33.33); // { units: 3333n, scale: 2 }
 */
export function exactDecimalOf(value: number): ExactDecimal {
  // The shortest round-trip text is what a person typed, so 0.1 + 0.2 + 0.7 weigh exactly 1.
  const match = NUMBER_TEXT.exec(String(value));
  if (match == null) {
    throw new FundingInputError(
      "invalid_argument",
      `expected a finite number that is not negative, got ${String(value)}`,
    );
  }
  const [, whole = "", fraction = "", exponent = "0"] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(whole + fraction);
  return shift >= 0
    ? { units: digits * 10n ** BigInt(shift), scale: 0 }
    : { units: digits, scale: -shift };
}

/**
 * Gives the number of decimal places needed to hold every one of several exact decimals (internal).
 *
 * @example
 * commonScale([exactDecimalOf(0.5), exactDecimalOf(0.25)]); // 2
 */
export function commonScale(values: readonly ExactDecimal[]): number {
  return Math.max(0, ...values.map((value) => value.scale));
}

/**
 * Writes an exact decimal as a whole number of units of `10 ** -scale`, for a scale at least its own (internal).
 *
 * @example
 * unitsAt(exactDecimalOf(0.5), 2); // 50n
 */
export function unitsAt(value: ExactDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}
