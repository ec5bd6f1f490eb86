import { expect, test } from "vitest";

import { safeNext } from "./after-sign-in";

test("sign-in returns only to an address inside the app", () => {
  expect(safeNext("/training?page=2")).toBe("/training?page=2");
  expect(safeNext(null)).toBe("/");
  expect(safeNext(undefined)).toBe("/");
  expect(safeNext("https://evil.example/")).toBe("/");
  expect(safeNext("//evil.example/")).toBe("/");
  expect(safeNext("/\\evil.example/")).toBe("/");
});
