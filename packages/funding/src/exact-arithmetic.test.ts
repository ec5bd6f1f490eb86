import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import {
  differencePence,
  divideRoundingHalfAwayFromZero,
  exactDecimalOf,
  roundHalfAwayFromZero,
  sumPence,
  commonScale,
  unitsAt,
  toSafePence,
} from "./exact-arithmetic";

describe("rounding", () => {
  test("integer division rounds halves away from zero whatever the signs", () => {
    expect(divideRoundingHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundingHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundingHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divideRoundingHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(divideRoundingHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divideRoundingHalfAwayFromZero(8n, 3n)).toBe(3n);
    expect(divideRoundingHalfAwayFromZero(0n, 3n)).toBe(0n);
  });

  test("property: integer division is never more than half away from the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const q = divideRoundingHalfAwayFromZero(n, d);
        const twiceError = 2n * (q * d - n);
        expect(twiceError <= d && twiceError >= -d).toBe(true);
        expect(divideRoundingHalfAwayFromZero(-n, d)).toBe(-q);
      }),
    );
  });

  test("numbers round halves away from zero and never give -0", () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(-2.4)).toBe(-2);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });
});

describe("safe pence", () => {
  test("keeps safe integers and refuses the rest, naming what overflowed", () => {
    expect(toSafePence(150_244_900n, "the total")).toBe(150_244_900);
    expect(toSafePence(BigInt(Number.MIN_SAFE_INTEGER), "the total")).toBe(Number.MIN_SAFE_INTEGER);
    for (const unsafe of [
      BigInt(Number.MAX_SAFE_INTEGER) + 1n,
      BigInt(Number.MIN_SAFE_INTEGER) - 1n,
    ]) {
      expect(() => toSafePence(unsafe, "The total cost")).toThrow(FundingInputError);
    }
    expect(() => toSafePence(2n ** 60n, "The total cost")).toThrow(
      "The total cost comes to 1152921504606846976 pence, which is beyond the safe integer range of pence (±9007199254740991)",
    );
  });

  test("sums exactly and refuses a sum that overflows", () => {
    expect(sumPence([], "nothing")).toBe(0);
    expect(sumPence([1, 2, -3, 10], "a few")).toBe(10);
    expect(() => sumPence([Number.MAX_SAFE_INTEGER, 1], "The total cost")).toThrow(
      "The total cost comes to 9007199254740992 pence",
    );
  });

  test("a sum that passes the safe range on the way and comes back is still exact", () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(sumPence([max, 2, -max], "the round trip")).toBe(2);
    expect(sumPence([-max, -2, max], "the round trip")).toBe(-2);
  });

  const safePence = fc.oneof(
    fc.maxSafeInteger(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  );
  const exactly = (value: bigint): number | "unsafe" =>
    value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)
      ? "unsafe"
      : Number(value);
  const outcome = (run: () => number): number | "unsafe" => {
    try {
      return run();
    } catch (error) {
      if (error instanceof FundingInputError) return "unsafe";
      throw error;
    }
  };

  test("property: sums in numbers agree with sums in bigints", () => {
    fc.assert(
      fc.property(fc.array(safePence, { maxLength: 30 }), (values) => {
        expect(outcome(() => sumPence(values, "the sum"))).toBe(
          exactly(values.reduce((sum, value) => sum + BigInt(value), 0n)),
        );
      }),
    );
  });

  test("property: differences in numbers agree with differences in bigints", () => {
    fc.assert(
      fc.property(safePence, safePence, (a, b) => {
        expect(outcome(() => differencePence(a, b, () => "the difference"))).toBe(
          exactly(BigInt(a) - BigInt(b)),
        );
      }),
    );
  });

  test("a difference out of range is named, and only then", () => {
    let named = 0;
    const what = () => {
      named += 1;
      return "The variance";
    };
    expect(differencePence(300, 100, what)).toBe(200);
    expect(named).toBe(0);
    expect(() => differencePence(Number.MAX_SAFE_INTEGER, -1, what)).toThrow(
      "The variance comes to 9007199254740992 pence",
    );
    expect(named).toBe(1);
  });
});

describe("exact decimals", () => {
  test("reads a number as the decimal it prints as", () => {
    expect(exactDecimalOf(33.33)).toEqual({ units: 3333n, scale: 2 });
    expect(exactDecimalOf(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(exactDecimalOf(5)).toEqual({ units: 5n, scale: 0 });
    expect(exactDecimalOf(0)).toEqual({ units: 0n, scale: 0 });
    expect(exactDecimalOf(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(exactDecimalOf(1.5e-7)).toEqual({ units: 15n, scale: 8 });
    expect(exactDecimalOf(1.5e21)).toEqual({ units: 15n * 10n ** 20n, scale: 0 });
  });

  test("refuses negative and non-finite numbers", () => {
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => exactDecimalOf(bad)).toThrow(
        `expected a finite number that is not negative, got ${String(bad)}`,
      );
    }
  });

  test("puts decimals over a common power of ten", () => {
    const values = [exactDecimalOf(0.5), exactDecimalOf(2), exactDecimalOf(0.25)];
    const scale = commonScale(values);
    expect(scale).toBe(2);
    expect(values.map((value) => unitsAt(value, scale))).toEqual([50n, 200n, 25n]);
    expect(commonScale([])).toBe(0);
  });

  test("property: a decimal's value is the number it came from", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
        const { units, scale } = exactDecimalOf(value);
        expect(Number(`${units.toString()}e-${String(scale)}`)).toBe(value);
      }),
    );
  });
});
