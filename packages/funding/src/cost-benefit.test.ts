import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  GREEN_BOOK_STPR,
  GREEN_BOOK_STPR_SCHEDULE,
  applyOptimismBias,
  benefitCostRatio,
  discountFactor,
  npv,
  presentValue,
  type CashFlow,
  type DiscountSchedule,
} from "./cost-benefit";
import type { Pence } from "@dapkit/schemas";
import { FundingInputError } from "./errors";
import { pence } from "./money";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

describe("Green Book constants", () => {
  test("give 3.5 % for years 0–30 and the declining schedule after, with sources", () => {
    expect(GREEN_BOOK_STPR.value).toBe(0.035);
    expect(GREEN_BOOK_STPR.source).toContain("Green Book");
    expect(GREEN_BOOK_STPR_SCHEDULE.bands).toEqual([
      { fromYear: 0, toYear: 30, rate: 0.035 },
      { fromYear: 31, toYear: 75, rate: 0.03 },
      { fromYear: 76, toYear: 125, rate: 0.025 },
      { fromYear: 126, toYear: 200, rate: 0.02 },
      { fromYear: 201, toYear: 300, rate: 0.015 },
      { fromYear: 301, toYear: Infinity, rate: 0.01 },
    ]);
    expect(Object.isFrozen(GREEN_BOOK_STPR_SCHEDULE.bands)).toBe(true);
    expect(Object.isFrozen(GREEN_BOOK_STPR_SCHEDULE.bands[0])).toBe(true);
  });
});

describe("discountFactor", () => {
  test("year 0 is undiscounted and years 1–30 are discounted at 3.5 %", () => {
    expect(discountFactor(0)).toBe(1);
    expect(discountFactor(1)).toBeCloseTo(0.966184, 6);
    expect(discountFactor(3)).toBeCloseTo(0.901943, 6);
    expect(discountFactor(10)).toBeCloseTo(0.708919, 6);
    expect(discountFactor(30)).toBeCloseTo(0.356278, 6);
  });

  test("beyond year 30 the rate steps down and compounds on from the year before", () => {
    // Year 31 = year 30's factor ÷ 1.03; year 76 = year 75's ÷ 1.025.
    expect(discountFactor(31)).toBeCloseTo(0.345901, 6);
    expect(discountFactor(31)).toBeCloseTo(discountFactor(30) / 1.03, 12);
    expect(discountFactor(76)).toBeCloseTo(discountFactor(75) / 1.025, 12);
    expect(discountFactor(76)).toBeCloseTo(0.0919159, 7);
    expect(discountFactor(301)).toBeCloseTo(discountFactor(300) / 1.01, 15);
    expect(discountFactor(301)).toBeCloseTo(0.0013867, 7);
    expect(discountFactor(1000)).toBeGreaterThan(0);
  });

  test("takes a flat rate or another schedule", () => {
    expect(discountFactor(3, { rate: 0.015 })).toBeCloseTo(0.956317, 6);
    expect(discountFactor(50, { rate: 0 })).toBe(1);
    const health: DiscountSchedule = {
      bands: [
        { fromYear: 0, toYear: 30, rate: 0.015 },
        { fromYear: 31, toYear: 75, rate: 0.0129 },
      ],
      source: "DHSC health discount rates",
    };
    expect(discountFactor(31, { schedule: health })).toBeCloseTo(1 / 1.015 ** 30 / 1.0129, 12);
    expect(discountFactor(75, { schedule: health })).toBeGreaterThan(0);
  });

  test("property: factors fall year on year and are 1 / 1.035^t up to year 30", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (year) => {
        expect(discountFactor(year + 1)).toBeLessThan(discountFactor(year));
        if (year <= 30) expect(discountFactor(year)).toBeCloseTo(1.035 ** -year, 12);
      }),
    );
  });

  test("refuses years that are not whole and not negative, and rates or schedules that make no sense", () => {
    for (const year of [-1, 1.5, Number.NaN]) {
      const error = failure(() => discountFactor(year));
      expect(error.code).toBe("invalid_argument");
      expect(error.message).toBe(
        `year must be a whole number of years from the base year (0 or more), got ${String(year)}`,
      );
    }
    expect(failure(() => discountFactor(1, { rate: -0.01 })).message).toBe(
      "rate must not be negative, got -0.01",
    );
    expect(
      failure(() => discountFactor(1, { rate: 0.035, schedule: GREEN_BOOK_STPR_SCHEDULE })).message,
    ).toBe("Give either a flat discount rate or a schedule, not both");
    const short: DiscountSchedule = {
      bands: [{ fromYear: 0, toYear: 30, rate: 0.035 }],
      source: "3.5 % to year 30 only",
    };
    expect(failure(() => discountFactor(31, { schedule: short })).message).toBe(
      "year 31 is beyond the discount schedule, which ends at year 30",
    );
    const schedules: [DiscountSchedule["bands"], string][] = [
      [[], "schedule.bands must list at least one band"],
      [
        [{ fromYear: 1, toYear: 30, rate: 0.035 }],
        "schedule.bands[0] must run from year 0 to a later or equal year (bands start at year 0 and follow on without gaps), got 1 to 30",
      ],
      [
        [
          { fromYear: 0, toYear: 30, rate: 0.035 },
          { fromYear: 32, toYear: 40, rate: 0.03 },
        ],
        "schedule.bands[1] must run from year 31",
      ],
      [[{ fromYear: 0, toYear: 10.5, rate: 0.035 }], "got 0 to 10.5"],
      [[{ fromYear: 0, toYear: -1, rate: 0.035 }], "got 0 to -1"],
      [
        [{ fromYear: 0, toYear: 30, rate: Number.NaN }],
        "schedule.bands[0].rate must be a finite number, got NaN",
      ],
    ];
    for (const [bands, message] of schedules) {
      expect(
        failure(() => discountFactor(1, { schedule: { bands, source: "test" } })).message,
      ).toContain(message);
    }
    expect(
      failure(() => discountFactor(1, { schedule: "green" as unknown as DiscountSchedule }))
        .message,
    ).toBe('schedule.bands must be a list, got "green"');
  });
});

describe("npv", () => {
  test("discounts each year's flow and rounds once at the end", () => {
    // £51,750 ÷ 1.035 + £53,561.25 ÷ 1.035² = £50,000 + £50,000, which repays £100,000 exactly.
    expect(
      npv([
        { year: 0, amountPence: -10_000_000 },
        { year: 1, amountPence: 5_175_000 },
        { year: 2, amountPence: 5_356_125 },
      ]),
    ).toBe(0);
    // −100,000 + 50,000 × 0.966184 + 60,000 × 0.901943 = 2,425.74p.
    expect(
      npv([
        { year: 0, amountPence: -100_000 },
        { year: 1, amountPence: 50_000 },
        { year: 3, amountPence: 60_000 },
      ]),
    ).toBe(2_426);
    expect(npv([])).toBe(0);
  });

  test("rounds halves away from zero and takes the same options as discountFactor", () => {
    // At 100 % a year, 5p next year is worth 2.5p now.
    expect(npv([{ year: 1, amountPence: 5 }], { rate: 1 })).toBe(3);
    expect(npv([{ year: 1, amountPence: -5 }], { rate: 1 })).toBe(-3);
    expect(npv([{ year: 2, amountPence: -1 }], { rate: 1 })).toBe(0);
    expect(Object.is(npv([{ year: 2, amountPence: -1 }], { rate: 1 }), 0)).toBe(true);
  });

  test("a percentage passed as the rate is refused with the fraction that was probably meant", () => {
    const error = failure(() => npv([{ year: 1, amountPence: 100 }], { rate: 3.5 }));
    expect(error.field).toBe("rate");
    expect(error.message).toBe(
      "rate 3.5 looks like a percentage; pass 0.035 (rates are fractions: 0.035 for 3.5 %)",
    );
    const schedule = { bands: [{ fromYear: 0, toYear: Infinity, rate: 1.5 }], source: "typo" };
    expect(failure(() => discountFactor(1, { schedule })).message).toBe(
      "schedule.bands[0].rate 1.5 looks like a percentage; pass 0.015 (rates are fractions: 0.035 for 3.5 %)",
    );
  });

  test("property: with no discounting the NPV is the plain sum", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 0, max: 50 }),
            amountPence: fc.integer({ min: -1e9, max: 1e9 }),
          }),
        ),
        (flows) => {
          expect(npv(flows, { rate: 0 })).toBe(
            flows.reduce((sum, flow) => sum + flow.amountPence, 0),
          );
        },
      ),
    );
  });

  test("refuses flows that are not a list of whole-pence amounts in whole years", () => {
    expect(failure(() => npv("flows" as unknown as CashFlow[])).message).toBe(
      'flows must be a list, got "flows"',
    );
    expect(failure(() => npv([{ year: 1, amountPence: 0.5 }])).message).toBe(
      "flows[0].amountPence must be a whole number of pence within the safe integer range, got 0.5",
    );
    expect(failure(() => npv([{ year: -1, amountPence: 5 }])).message).toBe(
      "flows[0].year must be a whole number of years from the base year (0 or more), got -1",
    );
    expect(failure(() => npv([null as unknown as CashFlow])).field).toBe("flows[0].amountPence");
    const max = Number.MAX_SAFE_INTEGER;
    expect(
      failure(() =>
        npv([
          { year: 0, amountPence: max },
          { year: 0, amountPence: max },
        ]),
      ).message,
    ).toContain("The net present value comes to");
  });
});

describe("applyOptimismBias", () => {
  test("raises a cost by the rate, a fraction, exactly, rounding half away from zero", () => {
    expect(applyOptimismBias(pence(10_000_000), 0.41)).toBe(14_100_000);
    expect(applyOptimismBias(pence(333), 0.24)).toBe(413);
    expect(applyOptimismBias(pence(4), 0.125)).toBe(5);
    expect(applyOptimismBias(pence(1), 0.5)).toBe(2);
    expect(applyOptimismBias(pence(100), 0.001)).toBe(100);
    expect(applyOptimismBias(pence(1_000), 0.001)).toBe(1_001);
    expect(applyOptimismBias(pence(12_345), 0)).toBe(12_345);
    expect(applyOptimismBias(pence(12_345), 2)).toBe(37_035);
  });

  test("a percentage passed as the rate is refused with the fraction that was probably meant", () => {
    const error = failure(() => applyOptimismBias(pence(10_000_000), 41));
    expect(error.field).toBe("rate");
    expect(error.message).toBe(
      "optimism bias 41 looks like a percentage; pass 0.41 (rates are fractions: 0.41 for 41 %, at most 2 for 200 %)",
    );
    expect(failure(() => applyOptimismBias(pence(1), 2.01)).message).toContain("pass 0.0201");
  });

  test("refuses negative costs or rates and results beyond the safe range", () => {
    expect(failure(() => applyOptimismBias(-1 as Pence, 0.1)).message).toBe(
      "costPence must not be negative, got -1",
    );
    expect(failure(() => applyOptimismBias(pence(100), -0.1)).message).toBe(
      "rate must not be negative, got -0.1",
    );
    expect(failure(() => applyOptimismBias(pence(100), Number.NaN)).code).toBe("invalid_argument");
    expect(
      failure(() => applyOptimismBias(pence(Number.MAX_SAFE_INTEGER), 0.01)).message,
    ).toContain("The cost with optimism bias comes to");
  });

  test("property: the uplift is within half a penny of cost × (1 + rate)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 20_000 }),
        (cost, hundredths) => {
          const rate = hundredths / 10_000;
          const raised = applyOptimismBias(pence(cost), rate);
          // Compared in exact integers: 10,000 × raised against cost × (10,000 + hundredths).
          const twiceError =
            2n * (10_000n * BigInt(raised) - BigInt(cost) * (10_000n + BigInt(hundredths)));
          expect(twiceError <= 10_000n && twiceError >= -10_000n).toBe(true);
        },
      ),
    );
  });
});

describe("presentValue and benefitCostRatio", () => {
  test("£207 of benefit next year against £100 spent now is a ratio of 2 at 3.5 %", () => {
    expect(presentValue([{ year: 1, amountPence: 10_350 }])).toBe(10_000);
    expect(
      benefitCostRatio({
        benefits: [{ year: 1, amountPence: 20_700 }],
        costs: [{ year: 0, amountPence: 10_000 }],
      }),
    ).toBe(2);
    expect(
      benefitCostRatio(
        { benefits: [{ year: 1, amountPence: 100 }], costs: [{ year: 1, amountPence: 100 }] },
        { rate: 0.5 },
      ),
    ).toBe(1);
  });

  test("refuses costs with no present value, and a percentage as the rate", () => {
    expect(failure(() => benefitCostRatio({ benefits: [], costs: [] })).message).toBe(
      "The costs' present value must be above £0 (give costs as positive amounts), got 0 pence",
    );
    expect(
      failure(() =>
        benefitCostRatio({ benefits: [], costs: [{ year: 0, amountPence: 1 }] }, { rate: 3.5 }),
      ).field,
    ).toBe("rate");
  });
});
