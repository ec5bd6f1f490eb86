import { expect, test } from "vitest";

import { DEFAULT_RETRY_POLICY, retryDelayMs } from "./deliver-messages";
import { dueReminder } from "./scheduled-messages";

test("the reminder due is the nearest window not yet passed, unless the booking came inside it", () => {
  const days = [7, 1];
  // Booked a month ahead: nothing until 7 days before, then the 7-day one, then the 1-day one.
  expect(dueReminder(days, 8, 30)).toBeNull();
  expect(dueReminder(days, 7, 30)).toBe(7);
  expect(dueReminder(days, 3, 30)).toBe(7);
  expect(dueReminder(days, 1, 30)).toBe(1);
  expect(dueReminder(days, 0, 30)).toBe(1);
  // Booked 5 days before: the confirmation stands for the 7-day reminder; the 1-day one still goes.
  expect(dueReminder(days, 5, 5)).toBeNull();
  expect(dueReminder(days, 1, 5)).toBe(1);
  // Booked the day before: no reminder at all.
  expect(dueReminder(days, 1, 1)).toBeNull();
  // The order the days are given in does not matter; none given, none sent.
  expect(dueReminder([1, 14, 3], 10, 30)).toBe(14);
  expect(dueReminder([], 1, 30)).toBeNull();
});

test("waits between tries double from 30 seconds up to an hour, about a day in all", () => {
  const waits = Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, index) =>
    retryDelayMs(DEFAULT_RETRY_POLICY, index + 1),
  );
  expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
  expect(Math.max(...waits)).toBe(60 * 60_000);
  const hours = waits.reduce((sum, wait) => sum + wait, 0) / (60 * 60_000);
  expect(hours).toBeGreaterThan(20);
  expect(hours).toBeLessThan(26);
});
