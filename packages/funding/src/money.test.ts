import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import { describeMoney, formatMoney, parseMoney, pence, pounds } from "./money";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

describe("parseMoney", () => {
  test.each([
    ["£1,502,449", 150_244_900],
    ["£0.730m", 73_000_000],
    ["£0.455m", 45_500_000],
    ["£4,373k", 437_300_000],
    ["£1.5m", 150_000_000],
    ["1502449.00", 150_244_900],
    ["£75,122.45", 7_512_245],
    ["75122.45", 7_512_245],
    ["1502449", 150_244_900],
    ["0", 0],
    ["£0.01", 1],
    ["£1.2", 120],
    ["£1.230", 123],
    [" £ 1,502,449 ", 150_244_900],
    ["£1.5 m", 150_000_000],
    ["£1.5M", 150_000_000],
    ["£344K", 34_400_000],
    ["£86 million", 8_600_000_000],
    ["£2bn", 200_000_000_000],
    ["£1.25 billion", 125_000_000_000],
    ["£1.23456m", 123_456_000],
    ["£0.0000001m", 10],
    ["£90,071,992,547,409.91", Number.MAX_SAFE_INTEGER],
  ])("reads %j as %d pence", (text, pence) => {
    expect(parseMoney(text)).toBe(pence);
  });

  test("reads negative amounts only when asked to", () => {
    const options = { allowNegative: true };
    expect(parseMoney("-£30,217", options)).toBe(-3_021_700);
    expect(parseMoney("£-30,217", options)).toBe(-3_021_700);
    expect(parseMoney("\u2212£1.5m", options)).toBe(-150_000_000);
    expect(parseMoney("-0", options)).toBe(0);
    expect(Object.is(parseMoney("-£0.00"), 0)).toBe(true);
    expect(failure(() => parseMoney("-£30,217")).message).toBe(
      '"-£30,217" is negative; pass { allowNegative: true } where a negative amount such as a variance is expected',
    );
  });

  test.each([
    ["", 'Cannot read an amount of money from "": it is empty'],
    ["   ", 'Cannot read an amount of money from "   ": it is empty'],
    ["£", 'Cannot read "£" as an amount of money: it has no digits'],
    ["abc", 'Cannot read "abc" as an amount of money: it has no digits'],
    ["NaN", 'Cannot read "NaN" as an amount of money: it has no digits'],
    ["Infinity", 'Cannot read "Infinity" as an amount of money: it has no digits'],
    ["1,50,2449", 'Cannot read "1,50,2449" as an amount of money: its commas are misplaced'],
    ["1502,449", 'Cannot read "1502,449" as an amount of money: its commas are misplaced'],
    [",123", 'Cannot read ",123" as an amount of money: its commas are misplaced'],
    ["£1.23,4", 'Cannot read "£1.23,4" as an amount of money: its commas are misplaced'],
    ["£1e5", 'Cannot read "£1e5" as an amount of money: expected an amount such as'],
    ["£.5m", 'Cannot read "£.5m" as an amount of money: expected an amount such as'],
    ["£1.5mm", 'Cannot read "£1.5mm" as an amount of money: expected an amount such as'],
    ["--5", '"--5" has two minus signs'],
    ["£1.234", '"£1.234" is not a whole number of pence: it has a fraction of a penny'],
    ["£0.0000001k", '"£0.0000001k" is not a whole number of pence'],
    [
      "£90,071,992,547,409.92",
      '"£90,071,992,547,409.92" is too large to hold exactly in pence (the limit is £90,071,992,547,409.91)',
    ],
    ["£100bn billion", 'Cannot read "£100bn billion"'],
  ])("refuses %j with a message naming it", (text, message) => {
    const error = failure(() => parseMoney(text, { allowNegative: true }));
    expect(error.code).toBe("invalid_money");
    expect(error.name).toBe("FundingInputError");
    expect(error.message).toContain(message);
  });

  test("refuses a value that is not text", () => {
    const error = failure(() => parseMoney(1502449 as unknown as string));
    expect(error.message).toBe(
      "parseMoney needs text, such as £1,502,449, £75,122.45, £0.730m, £4,373k or 1502449.00; got 1502449",
    );
  });
});

describe("formatMoney", () => {
  test("writes whole pounds by default, rounding half away from zero", () => {
    expect(formatMoney(150_244_900)).toBe("£1,502,449");
    expect(formatMoney(7_512_245)).toBe("£75,122");
    expect(formatMoney(7_512_250)).toBe("£75,123");
    expect(formatMoney(7_512_249)).toBe("£75,122");
    expect(formatMoney(15_024_490)).toBe("£150,245");
    expect(formatMoney(-7_512_250)).toBe("-£75,123");
    expect(formatMoney(-123_400)).toBe("-£1,234");
    // A Year 1 variance of -£30,217.50: the half pound rounds away from zero, with a plain minus
    // sign that parseMoney, spreadsheets and screen readers all read.
    expect(formatMoney(-3_021_750)).toBe("-£30,218");
    expect(formatMoney(0)).toBe("£0");
    expect(formatMoney(-49)).toBe("£0");
    expect(formatMoney(-50)).toBe("-£1");
    expect(formatMoney(999)).toBe("£10");
  });

  test("writes thousands and millions as council papers do", () => {
    expect(formatMoney(150_244_900, { style: "thousands" })).toBe("£1,502k");
    expect(formatMoney(437_300_000, { style: "thousands" })).toBe("£4,373k");
    expect(formatMoney(34_450_000, { style: "thousands" })).toBe("£345k");
    expect(formatMoney(-34_450_000, { style: "thousands" })).toBe("-£345k");
    expect(formatMoney(150_244_900, { style: "millions" })).toBe("£1.502m");
    expect(formatMoney(73_000_000, { style: "millions" })).toBe("£0.730m");
    expect(formatMoney(45_544_700, { style: "millions" })).toBe("£0.455m");
    expect(formatMoney(36_198_500_000, { style: "millions" })).toBe("£361.985m");
    expect(formatMoney(123_456_789_000, { style: "millions" })).toBe("£1,234.568m");
    expect(formatMoney(50_000, { style: "millions" })).toBe("£0.001m");
    expect(formatMoney(49_999, { style: "millions" })).toBe("£0.000m");
    expect(formatMoney(-73_000_000, { style: "millions" })).toBe("-£0.730m");
  });

  test("writes pounds and pence exactly", () => {
    expect(formatMoney(7_512_245, { style: "exact" })).toBe("£75,122.45");
    expect(formatMoney(150_244_900, { style: "exact" })).toBe("£1,502,449.00");
    expect(formatMoney(5, { style: "exact" })).toBe("£0.05");
    expect(formatMoney(-5, { style: "exact" })).toBe("-£0.05");
    expect(formatMoney(0, { style: "exact" })).toBe("£0.00");
    expect(formatMoney(Number.MAX_SAFE_INTEGER, { style: "exact" })).toBe("£90,071,992,547,409.91");
  });

  test("refuses amounts that are not whole pence and styles it does not know", () => {
    for (const bad of [1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      const error = failure(() => formatMoney(bad));
      expect(error.code).toBe("invalid_money");
      expect(error.message).toBe(
        `formatMoney's amount must be a whole number of pence within the safe integer range, got ${String(bad)}`,
      );
    }
    const error = failure(() => formatMoney(1, { style: "guineas" as "pounds" }));
    expect(error.code).toBe("invalid_argument");
    expect(error.message).toBe(
      'formatMoney\'s style must be "pounds", "thousands", "millions" or "exact", got "guineas"',
    );
  });

  test("property: the exact style reads back to the same pence", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (pence) => {
        expect(parseMoney(formatMoney(pence, { style: "exact" }), { allowNegative: true })).toBe(
          pence,
        );
      }),
    );
  });

  test("property: the rounded styles read back to within half their unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (pence) => {
        const options = { allowNegative: true };
        expect(Math.abs(parseMoney(formatMoney(pence), options) - pence)).toBeLessThanOrEqual(50);
        expect(
          Math.abs(parseMoney(formatMoney(pence, { style: "thousands" }), options) - pence),
        ).toBeLessThanOrEqual(50_000);
        expect(
          Math.abs(parseMoney(formatMoney(pence, { style: "millions" }), options) - pence),
        ).toBeLessThanOrEqual(50_000);
      }),
    );
  });

  test("property: parsing whole pounds written with or without commas agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90_071_992_547_409 }), (pounds) => {
        expect(parseMoney(`£${pounds.toLocaleString("en-GB")}`)).toBe(pounds * 100);
        expect(parseMoney(String(pounds))).toBe(pounds * 100);
      }),
    );
  });
});

describe("describeMoney", () => {
  test("shows pence only when there are some", () => {
    expect(describeMoney(3_021_700)).toBe("£30,217");
    expect(describeMoney(3_021_745)).toBe("£30,217.45");
    expect(describeMoney(-100)).toBe("-£1");
    expect(describeMoney(-101)).toBe("-£1.01");
  });
});

describe("pence and pounds", () => {
  test("make Pence from whole pence, or exactly from pounds to the penny", () => {
    expect(pence(150_000)).toBe(150_000);
    expect(pounds(1500)).toBe(150_000);
    expect(pounds(75_122.45)).toBe(7_512_245);
    expect(pounds(-0.1)).toBe(-10);
    expect(pounds(0)).toBe(0);
    expect(parseMoney("£1,500")).toBe(pounds(1500));
  });

  test("refuse what is not a whole number of pence", () => {
    expect(() => pence(1500.5)).toThrow(
      "pence must be a whole number of pence within the safe integer range, got 1500.5",
    );
    expect(() => pounds(0.001)).toThrow(
      "pounds(0.001) is not a whole number of pence: it has a fraction of a penny",
    );
    expect(() => pounds(Number.NaN)).toThrow("pounds needs a number of pounds, got NaN");
    expect(() => pounds(1e17)).toThrow("beyond the safe integer range");
  });
});
