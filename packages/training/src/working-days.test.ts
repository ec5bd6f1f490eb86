import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { DEFAULT_BANK_HOLIDAYS } from "./bank-holidays";
import { TrainingRuleError } from "./training-rule-error";
import { addWorkingDays, workingDaysBetween } from "./working-days";

const EASTER_2026 = ["2026-04-03", "2026-04-06"];

describe("workingDaysBetween", () => {
  test("counts Monday to Friday from the first date up to, not including, the second", () => {
    // Monday 7 December 2026 to Friday 11 December: Monday to Thursday.
    expect(workingDaysBetween("2026-12-07", "2026-12-11", [])).toBe(4);
    expect(workingDaysBetween("2026-12-07", "2026-12-07", [])).toBe(0);
    // Friday to Monday: the Friday only.
    expect(workingDaysBetween("2026-12-04", "2026-12-07", [])).toBe(1);
    // Saturday to Monday: none.
    expect(workingDaysBetween("2026-12-05", "2026-12-07", [])).toBe(0);
    expect(workingDaysBetween("2026-12-07", "2027-12-06", [])).toBe(260);
  });

  test("skips bank holidays across Easter and Christmas", () => {
    expect(workingDaysBetween("2026-04-02", "2026-04-07", EASTER_2026)).toBe(1);
    expect(workingDaysBetween("2026-04-02", "2026-04-07", [])).toBe(3);
    // Wednesday 23 December 2026 to Wednesday 30 December: 23, 24, 29.
    expect(workingDaysBetween("2026-12-23", "2026-12-30", DEFAULT_BANK_HOLIDAYS)).toBe(3);
  });

  test("ignores holidays at weekends or outside the range, and holidays listed twice", () => {
    expect(
      workingDaysBetween("2026-04-02", "2026-04-07", [
        "2026-04-04",
        "2026-04-07",
        "2026-04-01",
        { date: "2026-04-03" },
        "2026-04-03",
      ]),
    ).toBe(2);
  });

  test("is negative when the second date comes first", () => {
    expect(workingDaysBetween("2026-04-07", "2026-04-02", EASTER_2026)).toBe(-1);
  });

  test("refuses dates and holidays that are not dates", () => {
    expect(() => workingDaysBetween("2026-13-01", "2026-04-02", [])).toThrow(TrainingRuleError);
    expect(() => workingDaysBetween("2026-04-01", 7 as never, [])).toThrow("toDate");
    expect(() => workingDaysBetween("2026-04-01", "2026-04-02", "x" as never)).toThrow(
      "holidays must be a list",
    );
    expect(() => workingDaysBetween("2026-04-01", "2026-04-02", ["2026-02-30"])).toThrow(
      "holidays[0] is not a real date",
    );
    expect(() => workingDaysBetween("2026-04-01", "2026-04-02", [{ date: 1 } as never])).toThrow(
      "holidays[0] must be a date",
    );
  });
});

describe("addWorkingDays", () => {
  test("steps over weekends and bank holidays, either way", () => {
    expect(addWorkingDays("2026-12-04", 1, [])).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-29", -3, DEFAULT_BANK_HOLIDAYS)).toBe("2026-12-22");
    expect(addWorkingDays("2026-04-02", 1, EASTER_2026)).toBe("2026-04-07");
    expect(addWorkingDays("2026-04-05", 0, EASTER_2026)).toBe("2026-04-05");
    expect(addWorkingDays("2024-02-28", 2, [])).toBe("2024-03-01");
    expect(addWorkingDays("1999-12-31", 1, [])).toBe("2000-01-03");
  });

  test("undoes workingDaysBetween from a working day", () => {
    const holidays = DEFAULT_BANK_HOLIDAYS;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: -400, max: 400 }),
        (offset, days) => {
          const start = addWorkingDays("2019-06-03", offset, holidays);
          const end = addWorkingDays(start, days, holidays);
          expect(workingDaysBetween(start, end, holidays)).toBe(days);
        },
      ),
    );
  });

  test("refuses a count that is not a whole number in range", () => {
    for (const days of [1.5, Number.NaN, "2", 26_101, -26_101]) {
      expect(() => addWorkingDays("2026-04-02", days as number, [])).toThrow(TrainingRuleError);
    }
    expect(() => addWorkingDays("2026-04-02", 1.5, [])).toThrow("days must be a whole number");
    expect(() => addWorkingDays("2 April", 1, [])).toThrow("date must be a date");
  });
});
