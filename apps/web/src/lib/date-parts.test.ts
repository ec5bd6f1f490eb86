import { expect, test } from "vitest";

import { isoFromParts, partsFromIso } from "./date-parts";

test("turns day, month and year into an ISO date", () => {
  expect(isoFromParts({ day: "1", month: "4", year: "2016" }, "Effective date")).toEqual({
    iso: "2016-04-01",
  });
  expect(partsFromIso("2016-04-01")).toEqual({ day: "1", month: "4", year: "2016" });
  expect(partsFromIso(null)).toEqual({ day: "", month: "", year: "" });
});

test("says what is wrong in GOV.UK words", () => {
  expect(isoFromParts({ day: "", month: "", year: "" }, "Effective date")).toEqual({
    error: "Enter effective date",
  });
  expect(isoFromParts({ day: "1", month: "", year: "" }, "Effective date")).toEqual({
    error: "Effective date must include a month and year",
  });
  expect(isoFromParts({ day: "31", month: "2", year: "2026" }, "Effective date")).toEqual({
    error: "Effective date must be a real date",
  });
  expect(isoFromParts({ day: "x", month: "2", year: "2026" }, "Date")).toEqual({
    error: "Date must be a real date",
  });
});

test("knows leap years as the server does", () => {
  expect(isoFromParts({ day: "29", month: "2", year: "2024" }, "Date")).toEqual({
    iso: "2024-02-29",
  });
  expect(isoFromParts({ day: "29", month: "2", year: "2023" }, "Date")).toEqual({
    error: "Date must be a real date",
  });
  expect(isoFromParts({ day: "1", month: "13", year: "2023" }, "Date")).toEqual({
    error: "Date must be a real date",
  });
});
