import { describeValue } from "@dapkit/schemas";

import { requireKind } from "./require-kind";
import { fixedHalfUp } from "./round-half-up";
import { TrainingRuleError } from "./training-rule-error";

/**
 * Options for {@link formatMean}.
 *
 * @example
 * const options: MeanOptions = { decimals: 2, signed: true };
 */
export interface MeanOptions {
  /** Decimal places, 0 to 6; 1 unless given. */
  readonly decimals?: number;
  /** Writes a plus sign before a mean above zero, for a change (`+0.8`); a negative total is allowed. */
  readonly signed?: boolean;
}

function requireWhole(value: unknown, field: string, least: number): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < least) {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be a whole number, ${String(least)} or more (got ${describeValue(value)})`,
    );
  }
}

/**
 * A mean kept exact as a whole-number `total` over a whole-number `count` (the sum of confidence
 * ratings over how many were given), written with one decimal place unless told otherwise, halves
 * rounded away from zero. With `signed`, `total` may be negative and a mean above zero has a plus
 * sign: a change between two means, `a/b − c/d`, is `(a×d − c×b) / (b×d)`. Throws
 * `TrainingRuleError` for a count below 1, a fractional or (unsigned) negative total, or a
 * `decimals` outside 0–6.
 *
 * @example
 * formatMean(17, 5); // "3.4"
 * formatMean(7, 2); // "3.5"
 * formatMean(4 * 5 - 17 * 2, 5 * 2, { signed: true }); // "-1.4" (2.0 less 3.4)
 */
export function formatMean(total: number, count: number, options: MeanOptions = {}): string {
  requireKind(options, "options", "object");
  const { decimals = 1, signed = false } = options;
  requireWhole(total, "total", signed ? Number.MIN_SAFE_INTEGER : 0);
  requireWhole(count, "count", 1);
  const text = fixedHalfUp(total / count, decimals);
  return signed && total > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}
