import * as fc from "fast-check";
import { describe, expect, test } from "vitest";

import { DEFAULT_DUE_WITHIN_DAYS, refresherDue } from "./refresher-due";
import { TrainingRuleError } from "./training-rule-error";

describe("refresherDue", () => {
  test("uses each person's latest completion and sorts most urgent first", () => {
    const rows = refresherDue({
      completions: [
        { staffId: "s2", completedOn: "2022-06-01", course: "L1" },
        { staffId: "s1", completedOn: "2021-01-10" },
        { staffId: "s1", completedOn: "2022-01-10" },
        { staffId: "s3", completedOn: "2021-12-01" },
        { staffId: "s1", completedOn: "2020-01-10" },
      ],
      intervalMonths: 36,
      asOf: "2024-12-20",
    });
    expect(rows).toEqual([
      {
        staffId: "s3",
        lastCompletedOn: "2021-12-01",
        dueOn: "2024-12-01",
        status: "overdue",
        daysUntilDue: -19,
      },
      {
        staffId: "s1",
        lastCompletedOn: "2022-01-10",
        dueOn: "2025-01-10",
        status: "due_soon",
        daysUntilDue: 21,
      },
      {
        staffId: "s2",
        lastCompletedOn: "2022-06-01",
        dueOn: "2025-06-01",
        status: "current",
        daysUntilDue: 163,
      },
    ]);
  });

  test("month arithmetic clamps to the end of a shorter month", () => {
    const due = (completedOn: string, intervalMonths: number) =>
      refresherDue({
        completions: [{ staffId: "s", completedOn }],
        intervalMonths,
        asOf: completedOn,
      })[0]?.dueOn;
    expect(due("2023-01-31", 1)).toBe("2023-02-28");
    expect(due("2024-01-31", 1)).toBe("2024-02-29");
    expect(due("2024-02-29", 12)).toBe("2025-02-28");
    expect(due("2021-08-31", 36)).toBe("2024-08-31");
  });

  test("people due on the same day are listed by staff id", () => {
    for (const order of [
      ["b", "a", "c"],
      ["c", "b", "a"],
      ["a", "c", "b"],
    ]) {
      const rows = refresherDue({
        completions: order.map((staffId) => ({ staffId, completedOn: "2023-05-05" })),
        intervalMonths: 12,
        asOf: "2024-01-01",
      });
      expect(rows.map((row) => row.staffId)).toEqual(["a", "b", "c"]);
    }
  });

  test("due on the day is due soon; the day after is overdue", () => {
    const on = (asOf: string) =>
      refresherDue({
        completions: [{ staffId: "s", completedOn: "2022-03-14" }],
        intervalMonths: 36,
        asOf,
      })[0];
    expect(on("2025-03-14")).toMatchObject({ status: "due_soon", daysUntilDue: 0 });
    expect(on("2025-03-15")).toMatchObject({ status: "overdue", daysUntilDue: -1 });
    expect(on("2025-02-12")).toMatchObject({ status: "due_soon", daysUntilDue: 30 });
    expect(on("2025-02-11")).toMatchObject({ status: "current", daysUntilDue: 31 });
  });

  test("dueWithinDays defaults to 30 and can be changed", () => {
    expect(DEFAULT_DUE_WITHIN_DAYS).toBe(30);
    const input = {
      completions: [{ staffId: "s", completedOn: "2022-03-14" }],
      intervalMonths: 36,
    };
    expect(refresherDue({ ...input, asOf: "2024-12-14", dueWithinDays: 90 })[0]?.status).toBe(
      "due_soon",
    );
    expect(refresherDue({ ...input, asOf: "2025-03-13", dueWithinDays: 0 })[0]?.status).toBe(
      "current",
    );
  });

  test("ignores completions after asOf, so a past report sees what was known then", () => {
    const rows = refresherDue({
      completions: [
        { staffId: "s1", completedOn: "2021-01-10" },
        { staffId: "s1", completedOn: "2024-06-01" },
        { staffId: "s2", completedOn: "2024-06-01" },
      ],
      intervalMonths: 12,
      asOf: "2022-06-01",
    });
    expect(rows).toEqual([
      {
        staffId: "s1",
        lastCompletedOn: "2021-01-10",
        dueOn: "2022-01-10",
        status: "overdue",
        daysUntilDue: -142,
      },
    ]);
  });

  test("no completions gives no rows", () => {
    expect(refresherDue({ completions: [], intervalMonths: 12, asOf: "2024-01-01" })).toEqual([]);
  });

  test("rejects intervals it cannot honour, naming the field", () => {
    for (const bad of [0, 121, 1.5, Number.NaN, "12"]) {
      expect(() =>
        refresherDue({ completions: [], intervalMonths: bad as number, asOf: "2024-01-01" }),
      ).toThrow(
        new TrainingRuleError(
          "invalid_input",
          `intervalMonths must be a whole number from 1 to 120 (got ${typeof bad === "string" ? `"${bad}"` : String(bad)})`,
        ),
      );
    }
    expect(() =>
      refresherDue({ completions: [], intervalMonths: 12, asOf: "2024-01-01", dueWithinDays: -1 }),
    ).toThrow("dueWithinDays must be a whole number 0 or more (got -1)");
  });

  test("rejects bad dates and staff ids, naming the completion", () => {
    expect(() => refresherDue({ completions: [], intervalMonths: 12, asOf: "2024-02-30" })).toThrow(
      new TrainingRuleError("invalid_date", 'asOf is not a real date (got "2024-02-30")'),
    );
    expect(() =>
      refresherDue({
        completions: [
          { staffId: "s1", completedOn: "2023-01-01" },
          { staffId: "s2", completedOn: "2023-13-01" },
        ],
        intervalMonths: 12,
        asOf: "2024-01-01",
      }),
    ).toThrow('completions[1].completedOn is not a real date (got "2023-13-01")');
    expect(() =>
      refresherDue({
        completions: [{ staffId: " ", completedOn: "2023-01-01" }],
        intervalMonths: 12,
        asOf: "2024-01-01",
      }),
    ).toThrow(
      new TrainingRuleError(
        "invalid_input",
        "completions[0].staffId must be a non-empty identifier",
      ),
    );
  });

  test("one row per person, due dates after completion, statuses agree with days", () => {
    const date = fc
      .integer({ min: 0, max: 3650 })
      .map((offset) => new Date(Date.UTC(2015, 0, 1 + offset)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ staffId: fc.constantFrom("a", "b", "c", "d"), completedOn: date })),
        date,
        fc.integer({ min: 1, max: 120 }),
        (completions, asOf, intervalMonths) => {
          const rows = refresherDue({ completions, intervalMonths, asOf });
          expect(new Set(rows.map((row) => row.staffId)).size).toBe(rows.length);
          for (const row of rows) {
            expect(row.lastCompletedOn <= asOf).toBe(true);
            expect(row.dueOn > row.lastCompletedOn).toBe(true);
            const expected =
              row.daysUntilDue < 0 ? "overdue" : row.daysUntilDue <= 30 ? "due_soon" : "current";
            expect(row.status).toBe(expected);
          }
          for (let index = 1; index < rows.length; index += 1) {
            expect(rows[index - 1]?.daysUntilDue ?? 0).toBeLessThanOrEqual(
              rows[index]?.daysUntilDue ?? 0,
            );
          }
        },
      ),
    );
  });
});
