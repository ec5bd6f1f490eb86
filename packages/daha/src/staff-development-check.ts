import { describeValue } from "@dapkit/schemas";

import type { ReadinessCheck } from "./assess-readiness";
import { DahaRuleError } from "./daha-rule-error";
import { requireObject } from "./require-input";

/**
 * The default training-attendance target for Staff Development: 80 %, the "team below 80 %
 * uptake" alert peers offer (shared/reference/peers.md). DAHA publishes no minimum; set your own.
 *
 * @example
 * DEFAULT_STAFF_DEVELOPMENT_TARGET; // 0.8
 */
export const DEFAULT_STAFF_DEVELOPMENT_TARGET = 0.8;

/**
 * What `staffDevelopmentCheck` takes: rates are fractions from 0 to 1, not percentages.
 *
 * @example
 * const input: StaffDevelopmentCheckInput = { attendanceRate: 56 / 90, target: 0.75 };
 */
export interface StaffDevelopmentCheckInput {
  /** Attended ÷ nominated, as `uptakeFunnel` in `@dapkit/training` reports it. */
  readonly attendanceRate: number;
  /** At or above this the check is green; below it, amber. Defaults to 0.8. */
  readonly target?: number;
  /** Below this the check is red; leave it out and the check is never red. */
  readonly redBelow?: number;
  /** The area to report against; defaults to the default framework's `staff-development`. */
  readonly areaId?: string;
}

// One decimal place, as the council reports quote uptake (56 of 90 is 62.2%).
function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

function checkFraction(value: unknown, field: string, range: { min: number; max: number }): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new DahaRuleError(
      "invalid_input",
      `${field} must be a fraction from ${String(range.min)} to ${String(range.max)} (got ${describeValue(value)})`,
    );
  }
  return value;
}

/**
 * Turns a training attendance rate into a readiness check for Staff Development: green at or
 * above the target, amber below it, red below `redBelow` when given.
 *
 * It takes a plain number so that this package need not depend on `@dapkit/training`; the caller
 * passes `uptakeFunnel(...).attendanceRate` (or any other rate it prefers to judge by).
 *
 * @example
 * staffDevelopmentCheck({ attendanceRate: 56 / 90 });
 * // { areaId: "staff-development", rag: "amber",
 * //   reason: "Training attendance 62.2% is below the 80.0% target" }
 */
export function staffDevelopmentCheck(input: StaffDevelopmentCheckInput): ReadinessCheck {
  requireObject(input, "input");
  const target = checkFraction(input.target ?? DEFAULT_STAFF_DEVELOPMENT_TARGET, "target", {
    min: 0,
    max: 1,
  });
  const rate = checkFraction(input.attendanceRate, "attendanceRate", { min: 0, max: 1 });
  const redBelow =
    input.redBelow === undefined
      ? null
      : checkFraction(input.redBelow, "redBelow", { min: 0, max: target });
  const areaId = input.areaId ?? "staff-development";
  const said = `Training attendance ${percent(rate)}`;

  if (rate >= target) {
    return { areaId, rag: "green", reason: `${said} meets the ${percent(target)} target` };
  }
  if (redBelow != null && rate < redBelow) {
    return {
      areaId,
      rag: "red",
      reason: `${said} is below ${percent(redBelow)}, well short of the ${percent(target)} target`,
    };
  }
  return { areaId, rag: "amber", reason: `${said} is below the ${percent(target)} target` };
}
