import { describe, expect, test } from "vitest";
import { FundingInputError } from "./errors";
import {
  keySetFor,
  type KeySet,
  requireList,
  requireNumber,
  requirePence,
  requireUniqueKey,
} from "./input-checks";

function failure(run: () => unknown): FundingInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof FundingInputError) return error;
    throw error;
  }
  throw new Error("expected a FundingInputError");
}

describe("requirePence", () => {
  test("keeps whole pence and turns -0 into 0", () => {
    expect(requirePence(150, "costPence")).toBe(150);
    expect(Object.is(requirePence(-0, "costPence"), 0)).toBe(true);
    expect(requirePence(-5, "variancePence", { allowNegative: true })).toBe(-5);
  });

  test("refuses fractions, text and negatives with the field named", () => {
    const fraction = failure(() => requirePence(1.5, "costPence"));
    expect(fraction.code).toBe("invalid_money");
    expect(fraction.field).toBe("costPence");
    expect(fraction.message).toBe(
      "costPence must be a whole number of pence within the safe integer range, got 1.5",
    );
    expect(failure(() => requirePence("150", "costPence")).message).toContain('got "150"');
    const named = failure(() => requirePence(Number.NaN, () => "rows[3].forecastPence"));
    expect(named.field).toBe("rows[3].forecastPence");
    expect(named.message).toBe(
      "rows[3].forecastPence must be a whole number of pence within the safe integer range, got NaN",
    );
    expect(failure(() => requirePence(-2, () => "rows[4].costPence")).message).toBe(
      "rows[4].costPence must not be negative, got -2",
    );
    const negative = failure(() => requirePence(-1, "costPence", { code: "invalid_argument" }));
    expect(negative.code).toBe("invalid_argument");
    expect(negative.message).toBe("costPence must not be negative, got -1");
  });
});

describe("requireNumber", () => {
  test("keeps finite numbers within the bound", () => {
    expect(requireNumber(3, "n", { bound: "positive" })).toBe(3);
    expect(requireNumber(0, "n", { bound: "non-negative" })).toBe(0);
    expect(Object.is(requireNumber(-0, "n", { bound: "non-negative" }), 0)).toBe(true);
  });

  test("refuses non-finite, zero and negative numbers as the bound says", () => {
    expect(failure(() => requireNumber(Number.NaN, "n", { bound: "positive" })).message).toBe(
      "n must be a finite number, got NaN",
    );
    expect(failure(() => requireNumber(0, "n", { bound: "positive" })).message).toBe(
      "n must be greater than 0, got 0",
    );
    const negative = failure(() =>
      requireNumber(-1, "n", { bound: "non-negative", code: "invalid_allocation" }),
    );
    expect(negative.message).toBe("n must not be negative, got -1");
    expect(negative.code).toBe("invalid_allocation");
  });
});

test("requireList accepts lists only", () => {
  expect(requireList([1], "rows")).toEqual([1]);
  expect(failure(() => requireList("rows", "rows")).message).toBe(
    'rows must be a list, got "rows"',
  );
});

test("requireUniqueKey refuses empty and repeated keys", () => {
  const seen = new Set<string>();
  expect(requireUniqueKey("a", "rows[0].key", { seen })).toBe("a");
  expect(failure(() => requireUniqueKey("a", "rows[1].key", { seen })).message).toBe(
    'rows[1].key "a" is used twice; every key must be different',
  );
  const empty = failure(() =>
    requireUniqueKey(" ", "rows[2].key", { seen, code: "invalid_allocation" }),
  );
  expect(empty.message).toBe('rows[2].key must be a non-empty text key, got " "');
  expect(empty.code).toBe("invalid_allocation");
});

describe("keySetFor", () => {
  // Past about 2,000 keys the keys are spread over several Sets; each must still see every repeat.
  // A key is new when adding it grows the size.
  const isNew = (seen: KeySet, key: string): boolean => {
    const before = seen.size;
    seen.add(key);
    return seen.size > before;
  };

  test.each([1, 2_048, 2_049, 10_000, 30_000])("finds the repeat of any key among %i", (length) => {
    const keys = Array.from({ length }, (_, index) => `partner-${String(index)}`);
    const seen = keySetFor(length);
    expect(keys.every((key) => isNew(seen, key))).toBe(true);
    expect(seen.size).toBe(length);
    expect(keys.some((key) => isNew(seen, key))).toBe(false);
    expect(isNew(seen, "p")).toBe(true);
    expect(isNew(seen, "partner-0!")).toBe(true);
    expect(seen.size).toBe(length + 2);
  });

  test("keys alike in their last characters all land in one Set and are still told apart", () => {
    const seen = keySetFor(5_000);
    const keys = Array.from({ length: 5_000 }, (_, index) => `${String(index)}-same`);
    expect(keys.every((key) => isNew(seen, key))).toBe(true);
    expect(keys.some((key) => isNew(seen, key))).toBe(false);
    expect(isNew(seen, "5000-same")).toBe(true);
  });

  test("requireUniqueKey refuses a repeat in a long list", () => {
    const seen = keySetFor(3_000);
    for (let index = 0; index < 3_000; index += 1) {
      requireUniqueKey(`k${String(index)}`, `rows[${String(index)}].key`, { seen });
    }
    expect(failure(() => requireUniqueKey("k1234", "rows[3000].key", { seen })).message).toBe(
      'rows[3000].key "k1234" is used twice; every key must be different',
    );
  });
});
