import { describeValue } from "@dapkit/schemas";

import { TrainingRuleError } from "./training-rule-error";

/**
 * `value` written with `decimals` places, halves rounded away from zero as a person rounding by
 * hand does; throws `TrainingRuleError` for a `decimals` outside 0–6.
 */
export function fixedHalfUp(value: number, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new TrainingRuleError(
      "invalid_input",
      `decimals must be a whole number from 0 to 6 (got ${describeValue(decimals)})`,
    );
  }
  const scale = 10 ** decimals;
  // toPrecision(12) first removes binary noise: 1.005 × 100 is 100.49999999999999 in floating
  // point, which would round down to 100, where a person rounding by hand writes 101.
  const scaled = Number((Math.abs(value) * scale).toPrecision(12));
  const rounded = (Math.round(scaled) / scale).toFixed(decimals);
  return value < 0 && Math.round(scaled) !== 0 ? `-${rounded}` : rounded;
}
