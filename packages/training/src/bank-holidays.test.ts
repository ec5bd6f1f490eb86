import { describe, expect, test } from "vitest";

import { DEFAULT_BANK_HOLIDAYS, parseBankHolidays } from "./bank-holidays";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holiday-data";
import { TrainingRuleError } from "./training-rule-error";

const dates = DEFAULT_BANK_HOLIDAYS.map((holiday) => holiday.date);

function file(events: unknown) {
  return { "england-and-wales": { division: "england-and-wales", events } };
}

describe("the shipped England and Wales bank holidays", () => {
  test("cover 2019 to 2027, every one on a weekday", () => {
    const years = new Set(dates.map((date) => date.slice(0, 4)));
    expect([...years]).toEqual([
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
      "2024",
      "2025",
      "2026",
      "2027",
    ]);
    for (const date of dates) {
      expect([0, 6], date).not.toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
    }
  });

  test("include the moved and extra days of 2020, 2022 and 2023", () => {
    expect(dates).toContain("2020-05-08");
    expect(dates).not.toContain("2020-05-04");
    expect(dates).toEqual(
      expect.arrayContaining(["2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]),
    );
    expect(dates).not.toContain("2022-05-30");
  });

  test("are GOV.UK's dates for 2026 and 2027, substitute days included", () => {
    expect(dates.filter((date) => date.startsWith("2026"))).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    expect(dates.filter((date) => date.startsWith("2027"))).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-05-03",
      "2027-05-31",
      "2027-08-30",
      "2027-12-27",
      "2027-12-28",
    ]);
  });
});

describe("parseBankHolidays", () => {
  test("reads GOV.UK's file, in date order, ignoring the other divisions", () => {
    const holidays = parseBankHolidays({
      ...file([
        { title: "Boxing Day", date: "2028-12-26", notes: "", bunting: true },
        { title: " Christmas Day ", date: "2028-12-25", notes: "", bunting: true },
      ]),
      scotland: {
        division: "scotland",
        events: [{ title: "St Andrew's Day", date: "2028-11-30" }],
      },
    });
    expect(holidays).toEqual([
      { date: "2028-12-25", title: "Christmas Day" },
      { date: "2028-12-26", title: "Boxing Day" },
    ]);
  });

  test("keeps one holiday per day", () => {
    const twice = { title: "Christmas Day", date: "2028-12-25" };
    expect(parseBankHolidays(file([twice, twice]))).toHaveLength(1);
  });

  test("reads the shipped data the same as the default list", () => {
    expect(parseBankHolidays(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toEqual(DEFAULT_BANK_HOLIDAYS);
  });

  test.each([
    ["not an object", [], "must be an object"],
    ["no England and Wales division", { scotland: {} }, 'no "england-and-wales" division'],
    ["a division that is not an object", { "england-and-wales": "x" }, "must be an object"],
    ["no events", file(undefined), "must be a list"],
    ["an empty list", file([]), "lists no bank holidays"],
    ["too many events", file(Array.from({ length: 10_001 }, () => ({}))), "more than 10000"],
    ["an event that is not an object", file([3]), "event 1 must be an object"],
    ["a date that is not a date", file([{ title: "Day", date: "25/12/2028" }]), "event 1's date"],
    ["a date that does not exist", file([{ title: "Day", date: "2027-02-29" }]), "not a real date"],
    ["a missing title", file([{ date: "2028-12-25" }]), "title must be text"],
    ["an empty title", file([{ date: "2028-12-25", title: "  " }]), "title must be text"],
    ["a long title", file([{ date: "2028-12-25", title: "x".repeat(201) }]), "title must be text"],
  ])("refuses %s", (_, value, message) => {
    expect(() => parseBankHolidays(value)).toThrow(TrainingRuleError);
    expect(() => parseBankHolidays(value)).toThrow(message);
  });
});
