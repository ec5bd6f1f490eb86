import { expect, test } from "vitest";

import { formatCount, plural } from "./format-count";

test("formatCount groups thousands", () => {
  expect(formatCount(0)).toBe("0");
  expect(formatCount(1234)).toBe("1,234");
  expect(formatCount(1_502_449)).toBe("1,502,449");
});

test("plural is singular only for exactly one", () => {
  expect(plural(1, "place")).toBe("1 place");
  expect(plural(0, "place")).toBe("0 places");
  expect(plural(2, "place")).toBe("2 places");
  expect(plural(1200, "person", "people")).toBe("1,200 people");
  expect(plural(1, "person", "people")).toBe("1 person");
});
