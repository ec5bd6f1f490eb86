import { expect, test } from "vitest";

import { isoToLondon, londonToIso, parseTime } from "./london-time";

test("converts London wall-clock times to UTC in winter and summer", () => {
  expect(londonToIso("2026-01-15", "09:30")).toBe("2026-01-15T09:30:00Z");
  expect(londonToIso("2026-06-15", "09:30")).toBe("2026-06-15T08:30:00Z");
  expect(isoToLondon("2026-06-15T08:30:00Z")).toEqual({ date: "2026-06-15", time: "09:30" });
  expect(isoToLondon("2026-01-15T23:30:00Z")).toEqual({ date: "2026-01-15", time: "23:30" });
});

test("reads times as people type them", () => {
  expect(parseTime("9:30")).toBe("09:30");
  expect(parseTime("9.30am")).toBe("09:30");
  expect(parseTime("2pm")).toBe("14:00");
  expect(parseTime("12am")).toBe("00:00");
  expect(parseTime("14:00")).toBe("14:00");
  expect(parseTime("25:00")).toBeNull();
  expect(parseTime("9")).toBeNull();
  expect(parseTime("lunchtime")).toBeNull();
});
