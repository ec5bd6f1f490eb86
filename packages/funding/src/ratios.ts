import { FundingInputError } from "./errors";
import { requireNumber, requireObject } from "./input-checks";

/**
 * How much of a whole a count covers: `50 of 243 GP practices (20.6 %)`.
 *
 * @example
 * const gp: Coverage = { covered: 50, total: 243, fraction: 0.2058, text: "50 of 243 (20.6 %)" };
 */
export interface Coverage {
  readonly covered: number;
  readonly total: number;
  /** covered ÷ total, a fraction from 0 to 1 like every rate in this package. */
  readonly fraction: number;
  /** As a paper writes it, the percentage to one decimal place. */
  readonly text: string;
}

/**
 * Where a value sits in a range such as the lowest and highest rates of a region's areas.
 *
 * @example
 * const place: RangePosition = { fraction: 0.5, within: true };
 */
export interface RangePosition {
  /** 0 at the bottom of the range, 1 at the top; below 0 or above 1 when outside it. */
  readonly fraction: number;
  readonly within: boolean;
}

function requireCount(value: unknown, field: string): number {
  const count = requireNumber(value, field, { bound: "non-negative" });
  if (!Number.isSafeInteger(count)) {
    throw new FundingInputError(
      "invalid_argument",
      `${field} must be a whole number, got ${String(count)}`,
      { field },
    );
  }
  return count;
}

/**
 * The population a published rate implies: a count of 600 at 40 per 10,000 means 150,000 people. The
 * inverse of `ratePer`, for a paper that gives a count and a rate but not the population.
 *
 * @example
 * impliedPopulation(600, 40, 10000); // 150000
 * impliedPopulation(29645, 16); // 1852812.5 (per 1,000)
 */
export function impliedPopulation(count: number, rate: number, per = 1000): number {
  const n = requireNumber(count, "count", { bound: "non-negative" });
  const r = requireNumber(rate, "rate", { bound: "positive" });
  const base = requireNumber(per, "per", { bound: "positive" });
  return (n / r) * base;
}

/**
 * Where a value lies within a range (a regional low to high), as a fraction of the way from the low end.
 *
 * @example
 * positionInRange(14, { low: 10, high: 18 }); // { fraction: 0.5, within: true }
 * positionInRange(20, { low: 10, high: 18 }); // { fraction: 1.25, within: false }
 */
export function positionInRange(
  value: number,
  range: { readonly low: number; readonly high: number },
): RangePosition {
  const v = requireNumber(value, "value", { bound: "non-negative" });
  requireObject(range, "range");
  const low = requireNumber(range.low, "range.low", { bound: "non-negative" });
  const high = requireNumber(range.high, "range.high", { bound: "non-negative" });
  if (!(high > low)) {
    throw new FundingInputError(
      "invalid_argument",
      `range.high must be above range.low, got ${String(low)} to ${String(high)}`,
      { field: "range.high" },
    );
  }
  const fraction = (v - low) / (high - low);
  return { fraction, within: fraction >= 0 && fraction <= 1 };
}

/**
 * How many of a whole are covered, such as 50 of 243 GP practices trained.
 *
 * @example
 * coverage(50, 243).text; // "50 of 243 (20.6 %)"
 */
export function coverage(covered: number, total: number): Coverage {
  const part = requireCount(covered, "covered");
  const whole = requireCount(total, "total");
  if (whole === 0 || part > whole) {
    throw new FundingInputError(
      "invalid_argument",
      `covered must be from 0 to total, and total above 0: got ${String(part)} of ${String(whole)}`,
      { field: whole === 0 ? "total" : "covered" },
    );
  }
  const fraction = part / whole;
  const percent = (Math.round(fraction * 1000) / 10).toFixed(1);
  return {
    covered: part,
    total: whole,
    fraction,
    text: `${part.toLocaleString("en-GB")} of ${whole.toLocaleString("en-GB")} (${percent} %)`,
  };
}
