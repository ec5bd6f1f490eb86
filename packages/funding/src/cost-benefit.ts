import { describeValue, type Pence } from "@dapkit/schemas";

import type { SourcedConstant } from "./demand";
import { FundingInputError } from "./errors";
import {
  divideRoundingHalfAwayFromZero,
  exactDecimalOf,
  roundHalfAwayFromZero,
  toSafePence,
  unitsAt,
} from "./exact-arithmetic";
import {
  requireList,
  requireNumber,
  requireObject,
  requireOptions,
  requirePence,
} from "./input-checks";

/**
 * One band of a discount-rate schedule: the rate applied to each year from `fromYear` to `toYear` inclusive.
 *
 * @example
 * const band: DiscountBand = { fromYear: 0, toYear: 30, rate: 0.035 };
 */
export interface DiscountBand {
  readonly fromYear: number;
  /** The last year of the band; `Infinity` for an open-ended last band. */
  readonly toYear: number;
  /** The annual rate as a fraction, 0.035 for 3.5 %. */
  readonly rate: number;
}

/**
 * A discount-rate schedule with its source: bands that start at year 0 and follow on without gaps.
 *
 * @example
 * const flat: DiscountSchedule = { bands: [{ fromYear: 0, toYear: Infinity, rate: 0.035 }], source: "own" };
 */
export interface DiscountSchedule {
  readonly bands: readonly DiscountBand[];
  readonly source: string;
  readonly url?: string;
}

const GREEN_BOOK_SOURCE =
  "HM Treasury, The Green Book (2022), Annex A6 (discounting); schedule as tabulated in the greenbook R package on CRAN (inst/extdata/stpr_schedule.csv, charlescoverdale/greenbook@495fa4c)";
const GREEN_BOOK_URL = "https://stat.ethz.ch/CRAN/web/packages/greenbook/index.html";

/**
 * The Green Book's standard social time preference rate, 3.5 % a year (real) for years 0 to 30.
 *
 * @example
 * GREEN_BOOK_STPR.value; // 0.035
 */
export const GREEN_BOOK_STPR: SourcedConstant = Object.freeze({
  value: 0.035,
  unit: "discount rate a year on real (constant-price) values, years 0 to 30",
  source: GREEN_BOOK_SOURCE,
  url: GREEN_BOOK_URL,
});

/**
 * The Green Book's declining standard STPR schedule: 3.5 % to year 30, then 3.0, 2.5, 2.0, 1.5 and 1.0 %.
 *
 * @example
 * GREEN_BOOK_STPR_SCHEDULE.bands[1]; // { fromYear: 31, toYear: 75, rate: 0.03 }
 */
export const GREEN_BOOK_STPR_SCHEDULE: DiscountSchedule = Object.freeze({
  bands: Object.freeze([
    Object.freeze({ fromYear: 0, toYear: 30, rate: 0.035 }),
    Object.freeze({ fromYear: 31, toYear: 75, rate: 0.03 }),
    Object.freeze({ fromYear: 76, toYear: 125, rate: 0.025 }),
    Object.freeze({ fromYear: 126, toYear: 200, rate: 0.02 }),
    Object.freeze({ fromYear: 201, toYear: 300, rate: 0.015 }),
    Object.freeze({ fromYear: 301, toYear: Infinity, rate: 0.01 }),
  ]),
  source: GREEN_BOOK_SOURCE,
  url: GREEN_BOOK_URL,
});

/**
 * Options for {@link discountFactor} and {@link npv}: a flat `rate` for every year, or a whole `schedule`.
 *
 * @example
 * const health: DiscountOptions = { rate: 0.015 };
 */
export interface DiscountOptions {
  /** One rate for every year (a fraction, 0.035 for 3.5 %), replacing the Green Book schedule. */
  readonly rate?: number;
  /** A schedule of bands replacing the Green Book's, e.g. DHSC's health rates. */
  readonly schedule?: DiscountSchedule;
}

/**
 * One cash flow in a cost-benefit appraisal: an amount of pence in a year counted from the base year 0.
 *
 * @example
 * const flow: CashFlow = { year: 1, amountPence: 5000000 };
 */
export interface CashFlow {
  readonly year: number;
  /** Positive for a benefit, negative for a cost. */
  readonly amountPence: number;
}

interface CheckedSchedule {
  readonly bands: readonly DiscountBand[];
  /** The last year the schedule covers. */
  readonly end: number;
}

// Rates are fractions everywhere in this package (0.035 for 3.5 %). A discount rate above 1 (100 % a
// year) is never meant: it is a percentage typed as one, which would otherwise discount silently at
// a hundred times the rate.
// The fraction a percentage stands for, as a person would write it: 2.01 gives 0.0201, not 0.020099….
function asFraction(percent: number): string {
  return String(Number((percent / 100).toPrecision(12)));
}

function requireRate(value: unknown, field: string): number {
  const rate = requireNumber(value, field, { bound: "non-negative" });
  if (rate > 1) {
    throw new FundingInputError(
      "invalid_argument",
      `${field} ${String(rate)} looks like a percentage; pass ${asFraction(rate)} (rates are fractions: 0.035 for 3.5 %)`,
      { field },
    );
  }
  return rate;
}

function scheduleFor(options: DiscountOptions): CheckedSchedule {
  requireOptions(options, "options");
  if (options.rate !== undefined && options.schedule !== undefined) {
    throw new FundingInputError(
      "invalid_argument",
      "Give either a flat discount rate or a schedule, not both",
      { field: "rate" },
    );
  }
  if (options.rate !== undefined) {
    const rate = requireRate(options.rate, "rate");
    return { bands: [{ fromYear: 0, toYear: Infinity, rate }], end: Infinity };
  }
  const schedule: unknown = options.schedule ?? GREEN_BOOK_STPR_SCHEDULE;
  const bands = requireList(
    typeof schedule === "object" && schedule != null && "bands" in schedule
      ? schedule.bands
      : schedule,
    "schedule.bands",
  ) as readonly DiscountBand[];
  if (bands.length === 0) {
    throw new FundingInputError("invalid_argument", "schedule.bands must list at least one band", {
      field: "schedule.bands",
    });
  }
  let expectedFrom = 0;
  bands.forEach((band, index) => {
    const field = `schedule.bands[${String(index)}]`;
    requireRate(band.rate, `${field}.rate`);
    const validEnd = Number.isInteger(band.toYear) || band.toYear === Infinity;
    if (band.fromYear !== expectedFrom || !validEnd || !(band.toYear >= band.fromYear)) {
      throw new FundingInputError(
        "invalid_argument",
        `${field} must run from year ${String(expectedFrom)} to a later or equal year (bands start at year 0 and follow on without gaps), got ${String(band.fromYear)} to ${String(band.toYear)}`,
        { field },
      );
    }
    expectedFrom = band.toYear + 1;
  });
  return { bands, end: expectedFrom - 1 };
}

function requireYear(year: unknown, field: string): number {
  if (typeof year !== "number" || !Number.isSafeInteger(year) || year < 0) {
    throw new FundingInputError(
      "invalid_argument",
      `${field} must be a whole number of years from the base year (0 or more), got ${describeValue(year)}`,
      { field },
    );
  }
  return year;
}

function factorFor(year: number, schedule: CheckedSchedule): number {
  if (year > schedule.end) {
    throw new FundingInputError(
      "invalid_argument",
      `year ${String(year)} is beyond the discount schedule, which ends at year ${String(schedule.end)}`,
      { field: "year" },
    );
  }
  let factor = 1;
  for (const band of schedule.bands) {
    // Year 0 is the base year and is not discounted, so each band discounts its years from max(1, fromYear).
    const first = Math.max(1, band.fromYear);
    const last = Math.min(year, band.toYear);
    if (last >= first) factor /= (1 + band.rate) ** (last - first + 1);
  }
  return factor;
}

/**
 * Gives the Green Book discount factor for a year: 1 in year 0, then 1 / 1.035 a year to year 30.
 *
 * Beyond year 30 the Green Book's declining schedule applies (3.0 % for years 31–75, 2.5 % to 125, 2.0 % to
 * 200, 1.5 % to 300, 1.0 % after), compounding year on year so the factor never jumps: year 31's factor is
 * year 30's divided by 1.03. Pass `rate` for one flat rate, or `schedule` for other bands.
 *
 * @example
 * discountFactor(0); // 1
 * discountFactor(1); // 0.9661835748792271 (1 / 1.035)
 * discountFactor(3, { rate: 0.015 }); // 1 / 1.015 ** 3
 */
export function discountFactor(year: number, options: DiscountOptions = {}): number {
  return factorFor(requireYear(year, "year"), scheduleFor(options));
}

/**
 * The present value of amounts of pence received (or spent) in future years: each discounted by its
 * year's factor, added in floating point and rounded once, half away from zero. The same as
 * {@link npv} for flows of one sign, named for the benefits or the costs of an appraisal.
 *
 * @example
 * presentValue([{ year: 1, amountPence: 10350 }]); // 10000
 */
export function presentValue(flows: readonly CashFlow[], options: DiscountOptions = {}): number {
  return npv(flows, options);
}

/**
 * The benefit-cost ratio of an appraisal: the present value of the benefits over that of the costs,
 * both given as positive amounts and discounted alike.
 *
 * @example
 * benefitCostRatio({
 *   benefits: [{ year: 1, amountPence: 20700 }],
 *   costs: [{ year: 0, amountPence: 10000 }],
 * }); // 2 (£207 next year is £200 today, against £100 spent now)
 */
export function benefitCostRatio(
  appraisal: { readonly benefits: readonly CashFlow[]; readonly costs: readonly CashFlow[] },
  options: DiscountOptions = {},
): number {
  requireObject(appraisal, "appraisal");
  const costs = presentValue(appraisal.costs, options);
  if (!(costs > 0)) {
    throw new FundingInputError(
      "invalid_argument",
      `The costs' present value must be above £0 (give costs as positive amounts), got ${String(costs)} pence`,
      { field: "costs" },
    );
  }
  return presentValue(appraisal.benefits, options) / costs;
}

/**
 * Gives the net present value of cash flows in pence, discounting each by its year's factor.
 *
 * The discounted amounts are added in floating point and rounded once at the end, half away from zero.
 *
 * @example
 * npv([
 *   { year: 0, amountPence: -10000000 },
 *   { year: 1, amountPence: 5175000 },
 *   { year: 2, amountPence: 5356125 },
 * ]); // 0 (£51,750 ÷ 1.035 + £53,561.25 ÷ 1.035² = £100,000)
 */
export function npv(flows: readonly CashFlow[], options: DiscountOptions = {}): number {
  const schedule = scheduleFor(options);
  const total = requireList(flows, "flows").reduce<number>((sum, flow, index) => {
    const field = `flows[${String(index)}]`;
    const { year, amountPence } = (typeof flow === "object" && flow != null ? flow : {}) as Partial<
      Record<keyof CashFlow, unknown>
    >;
    const amount = requirePence(amountPence, `${field}.amountPence`, {
      allowNegative: true,
      code: "invalid_argument",
    });
    return sum + amount * factorFor(requireYear(year, `${field}.year`), schedule);
  }, 0);
  return toSafePence(BigInt(roundHalfAwayFromZero(total)), "The net present value");
}

// The Green Book's largest optimism-bias upper bound is 200 % (equipment and development capital
// costs), so a fraction above 2 is a percentage typed as one.
const LARGEST_OPTIMISM_BIAS = 2;

/**
 * Raises a cost by an optimism-bias rate, a fraction like every rate here: `cost × (1 + rate)`, so 0.41
 * is a 41 % uplift. Rounded half away from zero.
 *
 * The rate is read as the decimal it prints as, so the uplift is exact. A rate above 2 (200 %, the Green
 * Book's largest upper bound) is refused as a percentage typed as one. Take the rate from the Green Book
 * supplementary guidance or the local-partnership CBA guidance; the package builds none in.
 *
 * @example
 * applyOptimismBias(pence(10000000), 0.41); // 14100000 (£100,000 plus 41 %)
 * applyOptimismBias(pence(10000000), 41); // throws: 41 looks like a percentage; pass 0.41
 */
export function applyOptimismBias(costPence: Pence, rate: number): Pence {
  const cost = requirePence(costPence, "costPence", { code: "invalid_argument" });
  const fraction = requireNumber(rate, "rate", { bound: "non-negative" });
  if (fraction > LARGEST_OPTIMISM_BIAS) {
    throw new FundingInputError(
      "invalid_argument",
      `optimism bias ${String(fraction)} looks like a percentage; pass ${asFraction(fraction)} (rates are fractions: 0.41 for 41 %, at most 2 for 200 %)`,
      { field: "rate" },
    );
  }
  const uplift = exactDecimalOf(fraction);
  const one = unitsAt({ units: 1n, scale: 0 }, uplift.scale);
  return toSafePence(
    divideRoundingHalfAwayFromZero(BigInt(cost) * (one + uplift.units), one),
    "The cost with optimism bias",
  ) as Pence;
}
