import { describe, expect, test } from "vitest";

import { describeValue } from "./describe-value";

describe("describeValue", () => {
  test.each([
    ["abc", '"abc"'],
    ["", '""'],
    [12.5, "12.5"],
    [Number.NaN, "NaN"],
    [true, "true"],
    [10n, "10"],
    [undefined, "nothing"],
    [null, "null"],
    [[1, 2], "a list"],
    [{ a: 1 }, "an object"],
    [Object.create(null), "an object"],
    [() => 1, "a function"],
    [Symbol("s"), "a symbol"],
  ])("describes %o as %s", (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
