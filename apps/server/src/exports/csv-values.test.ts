import { describe, expect, test } from "vitest";

import { csvTable } from "./csv-values";

describe("a typed export's CSV values", () => {
  test("days, moments, money and rates as unambiguous text; other values as they come", () => {
    const table = csvTable({
      header: ["Day", "Moment's day", "Moment", "Time", "Money", "Rate", "Text"],
      formats: ["date", "date", "dateTime", "time", "money", "percent", undefined],
      rows: [
        [
          "2026-08-14",
          // Half past midnight on 1 July in London is still 30 June in UTC: the day is London's.
          "2026-06-30T23:30:00.000Z",
          "2026-08-14T09:30:00.000Z",
          new Date("2026-01-15T10:30:15.250Z"),
          -54_550,
          0.503,
          "Booked",
        ],
        // What does not fit a format passes through, for the CSV writer to write as it does.
        ["next week", null, "soon", undefined, "n/a", -1, 7],
      ],
    });
    expect(table.header).toEqual([
      "Day",
      "Moment's day",
      "Moment",
      "Time",
      "Money",
      "Rate",
      "Text",
    ]);
    expect(table.rows).toEqual([
      [
        "2026-08-14",
        "2026-07-01",
        "2026-08-14T09:30:00Z",
        "2026-01-15T10:30:15Z",
        -545.5,
        "50.3%",
        "Booked",
      ],
      ["next week", null, "soon", undefined, "n/a", -1, 7],
    ]);
  });
});
