import { describe, expect, test } from "vitest";

import { durationWords } from "./duration-words";

describe("durationWords", () => {
  test.each([
    ["2026-06-15T08:30:00Z", "2026-06-15T12:00:00Z", "3 hours 30 minutes"],
    ["2026-06-15T08:30:00Z", "2026-06-15T11:30:00Z", "3 hours"],
    ["2026-06-15T08:30:00Z", "2026-06-15T09:31:00Z", "1 hour 1 minute"],
    ["2026-06-15T08:30:00Z", "2026-06-15T09:15:00Z", "45 minutes"],
    ["2026-06-15T08:30:00Z", "2026-06-15T08:30:00Z", "0 minutes"],
    // Across the October clock change: the clock reads 1:30am to 1:30am, an hour apart.
    ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "1 hour"],
    ["2026-06-15T09:30:00+01:00", "2026-06-15T12:00:00Z", "3 hours 30 minutes"],
  ])("%s to %s is %s", (startsAt, endsAt, words) => {
    expect(durationWords(startsAt, endsAt)).toBe(words);
  });

  test("refuses an end before the start and instants without a zone, naming them", () => {
    expect(() => durationWords("2026-06-15T12:00:00Z", "2026-06-15T08:30:00Z")).toThrow(
      "endsAt must not be before startsAt",
    );
    expect(() => durationWords("2026-06-15T08:30:00", "2026-06-15T12:00:00Z")).toThrow(
      'startsAt must be a moment in time such as 2026-06-15T08:30:00Z (got "2026-06-15T08:30:00")',
    );
    expect(() => durationWords("2026-06-15T08:30:00Z", "tomorrow")).toThrow(/^endsAt must be/);
  });
});
