import { describeValue } from "@dapkit/schemas";

import { requireKind } from "./require-kind";
import { fixedHalfUp } from "./round-half-up";
import { TrainingRuleError } from "./training-rule-error";

/**
 * Options for {@link formatRate} and {@link ratePercent}.
 *
 * @example
 * const options: RateOptions = { decimals: 0 };
 */
export interface RateOptions {
  /** Decimal places, 0 to 6; 1 unless given. */
  readonly decimals?: number;
}

/**
 * A rate (a fraction, such as `attendanceRate`) as a percentage number rounded half up, with one
 * decimal place unless told otherwise: the figure {@link formatRate} writes, for a spreadsheet
 * column that must sum and sort. Throws `TrainingRuleError` for a negative or non-finite rate, or
 * a `decimals` outside 0–6.
 *
 * @example
 * ratePercent(201 / 400); // 50.3
 * ratePercent(56 / 90, { decimals: 0 }); // 62
 */
export function ratePercent(rate: number, options: RateOptions = {}): number {
  return Number(formatRate(rate, options).slice(0, -1));
}

/**
 * Writes a rate (a fraction, such as `attendanceRate`) as a percentage rounded half up, with one
 * decimal place unless told otherwise; throws `TrainingRuleError` for a negative or non-finite
 * rate, or a `decimals` outside 0–6.
 *
 * @example
 * formatRate(56 / 90); // "62.2%"
 * formatRate(201 / 400); // "50.3%"
 * formatRate(56 / 90, { decimals: 0 }); // "62%"
 */
export function formatRate(rate: number, options: RateOptions = {}): string {
  if (options !== undefined) requireKind(options, "options", "object");
  const { decimals = 1 } = options;
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
    throw new TrainingRuleError(
      "invalid_input",
      `rate must be a finite fraction, 0 or more (got ${describeValue(rate)})`,
    );
  }
  return `${fixedHalfUp(rate * 100, decimals)}%`;
}
