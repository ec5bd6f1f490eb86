import { expect, test } from "vitest";

import { canonicalFinancialYear, readFinancialYearSpelling } from "./financial-year-spelling";

test("reads each spelling councils use and nothing else", () => {
  expect(readFinancialYearSpelling(" 2014 - 15 ")).toEqual(["2014", "15"]);
  expect(readFinancialYearSpelling("2014/2015")).toEqual(["2014", "2015"]);
  expect(readFinancialYearSpelling("2014")).toBeUndefined();
  expect(readFinancialYearSpelling("FY2014/15")).toBeUndefined();
});

test("writes consecutive years canonically and leaves anything else for a schema to refuse", () => {
  expect(canonicalFinancialYear("2014-15")).toBe("2014/15");
  expect(canonicalFinancialYear("2014\u20132015")).toBe("2014/15");
  expect(canonicalFinancialYear("1999/2000")).toBe("1999/00");
  expect(canonicalFinancialYear("2014/16")).toBe("2014/16");
  expect(canonicalFinancialYear("2014/2016")).toBe("2014/2016");
  expect(canonicalFinancialYear("soon")).toBe("soon");
});
