import { expect, test } from "vitest";

import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatTime,
  humanise,
  plural,
} from "./format";

test("shows dates the GOV.UK way, on the London calendar", () => {
  expect(formatDate("2016-04-01")).toBe("1 April 2016");
  // 23:30 UTC on 31 March 2026 is already 1 April in London (British Summer Time).
  expect(formatDate("2026-03-31T23:30:00Z")).toBe("1 April 2026");
  expect(formatDate("2026-01-15T23:30:00Z")).toBe("15 January 2026");
});

test("shows times in the 12-hour clock with am and pm", () => {
  expect(formatTime("2026-06-01T08:30:00Z")).toBe("9:30am");
  expect(formatTime("2026-01-01T12:00:00Z")).toBe("12pm");
  expect(formatTime("2026-01-01T00:00:00Z")).toBe("12am");
  expect(formatDateTime("2026-01-05T14:05:00Z")).toBe("5 January 2026 at 2:05pm");
});

test("shows money in whole pounds with thousands separators", () => {
  expect(formatMoney(150_244_900)).toBe("£1,502,449");
  expect(formatMoney(0)).toBe("£0");
  expect(formatMoney(-500_000)).toBe("−£5,000");
  expect(formatMoney(149)).toBe("£1");
});

test("shows rates to one decimal place", () => {
  expect(formatPercent(56 / 90)).toBe("62.2%");
  expect(formatPercent(0)).toBe("0.0%");
  expect(formatPercent(1)).toBe("100.0%");
});

test("words counts, sizes and codes for people", () => {
  expect(plural(1, "person", "people")).toBe("1 person");
  expect(plural(1200, "session")).toBe("1,200 sessions");
  expect(formatBytes(512)).toBe("512 bytes");
  expect(formatBytes(1536)).toBe("1.5 KB");
  expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  expect(humanise("unable_to_attend")).toBe("Unable to attend");
});
