import { NominationStateSchema, type NominationState } from "@dapkit/schemas";
import * as fc from "fast-check";
import { describe, expect, expectTypeOf, test } from "vitest";

import { formatRate } from "./format-rate";
import { TrainingRuleError } from "./training-rule-error";
import {
  funnelFromCounts,
  uptakeFunnel,
  type StateCount,
  type UptakeFunnel,
} from "./uptake-funnel";

function records(state: NominationState, count: number, department = "Housing") {
  return Array.from({ length: count }, () => ({ state, department }));
}

const COUNT_FIELDS = [
  "nominated",
  "booked",
  "attended",
  "fullyAttended",
  "partiallyAttended",
  "noShow",
  "unableToAttend",
  "cancelled",
  "declined",
  "waitlisted",
] as const satisfies readonly (keyof UptakeFunnel)[];

describe("uptakeFunnel", () => {
  test("Oxford: 90 nominated, 56 attended, 62.2%", () => {
    const oxford = [
      ...records("fully_attended", 50),
      ...records("partially_attended", 6),
      ...records("no_show", 14),
      ...records("unable_to_attend", 8),
      ...records("cancelled", 7),
      ...records("declined", 3),
      ...records("waitlisted", 2),
    ];
    const funnel = uptakeFunnel(oxford);
    expect(funnel).toEqual({
      nominated: 90,
      booked: 78,
      attended: 56,
      fullyAttended: 50,
      partiallyAttended: 6,
      noShow: 14,
      unableToAttend: 8,
      cancelled: 7,
      declined: 3,
      waitlisted: 2,
      attendanceRate: 56 / 90,
    });
    expect(formatRate(funnel.attendanceRate)).toBe("62.2%");
  });

  test("records still waiting count as nominated only", () => {
    const funnel = uptakeFunnel([
      { state: "nominated" },
      { state: "approved" },
      { state: "booked" },
    ]);
    expect(funnel).toMatchObject({ nominated: 3, booked: 1, attended: 0, attendanceRate: 0 });
  });

  test("an empty list gives zeros and a rate of 0, not NaN", () => {
    const funnel = uptakeFunnel([]);
    for (const field of COUNT_FIELDS) expect(funnel[field]).toBe(0);
    expect(funnel.attendanceRate).toBe(0);
    expect(funnel).not.toHaveProperty("groups");
  });

  test("groups by any key of the record, sorted by key", () => {
    const funnel = uptakeFunnel(
      [
        ...records("fully_attended", 2, "Revenues"),
        ...records("no_show", 1, "Housing"),
        ...records("partially_attended", 1, "Housing"),
        ...records("declined", 1, "Customer Services"),
      ],
      { groupBy: "department" },
    );
    expect(funnel.nominated).toBe(5);
    expect(funnel.groups.map((group) => group.key)).toEqual([
      "Customer Services",
      "Housing",
      "Revenues",
    ]);
    expect(funnel.groups[1]).toEqual({
      key: "Housing",
      nominated: 2,
      booked: 2,
      attended: 1,
      fullyAttended: 0,
      partiallyAttended: 1,
      noShow: 1,
      unableToAttend: 0,
      cancelled: 0,
      declined: 0,
      waitlisted: 0,
      attendanceRate: 0.5,
    });
  });

  test("sorts mixed keys: numbers, text by code unit, false/true, null, missing", () => {
    const mixed: { state: NominationState; team?: string | number | boolean | null }[] = [
      { state: "booked", team: "b" },
      { state: "booked" },
      { state: "booked", team: null },
      { state: "booked", team: true },
      { state: "booked", team: 10 },
      { state: "booked", team: "B" },
      { state: "booked", team: false },
      { state: "booked", team: 2 },
      { state: "booked", team: "b" },
    ];
    const { groups } = uptakeFunnel(mixed, { groupBy: "team" });
    expect(groups.map((group) => group.key)).toEqual([
      2,
      10,
      "B",
      "b",
      false,
      true,
      null,
      undefined,
    ]);
    expect(groups.find((group) => group.key === "b")?.nominated).toBe(2);
  });

  test("groupBy only accepts keys whose values can be grouped", () => {
    const typed = [{ state: "booked" as NominationState, department: "Housing", tags: ["a"] }];
    expectTypeOf(uptakeFunnel(typed, { groupBy: "department" }).groups[0]?.key).toEqualTypeOf<
      string | undefined
    >();
    // @ts-expect-error -- "manager" is not a key of the record
    expect(() => uptakeFunnel(typed, { groupBy: "manager" })).not.toThrow();
    // @ts-expect-error -- an array cannot be a group key
    expect(() => uptakeFunnel(typed, { groupBy: "tags" })).toThrow(TrainingRuleError);
  });

  test("rejects a groupBy that is not a field name, saying what it got", () => {
    const records = [{ state: "booked" as NominationState, team: "a" }];
    const notText = Object.create(null) as "team";
    expect(() => uptakeFunnel(records, { groupBy: notText })).toThrow(
      new TrainingRuleError(
        "invalid_input",
        "options.groupBy must be the name of a field (got an object)",
      ),
    );
  });

  test("rejects a record whose state is unknown, naming it", () => {
    expect(() =>
      uptakeFunnel([{ state: "booked" }, { state: "attended" as NominationState }]),
    ).toThrow(
      new TrainingRuleError(
        "invalid_input",
        'records[1].state "attended" is not a nomination state (nominated, approved, declined, waitlisted, booked, cancelled, fully_attended, partially_attended, unable_to_attend, no_show)',
      ),
    );
  });

  test("rejects a group key it cannot sort, naming the record and field", () => {
    const bad = [{ state: "booked" as NominationState, team: { id: 1 } as unknown as string }];
    expect(() => uptakeFunnel(bad, { groupBy: "team" })).toThrow(
      "records[0].team must be text, a finite number, true/false or empty to group by (got object)",
    );
    const nan = [{ state: "booked" as NominationState, team: Number.NaN }];
    expect(() => uptakeFunnel(nan, { groupBy: "team" })).toThrow("(got NaN)");
  });
});

describe("uptakeFunnel properties", () => {
  const record = fc.record({
    state: fc.constantFrom(...NominationStateSchema.options),
    department: fc.constantFrom("Housing", "Revenues", "Legal", "Parks"),
  });

  test("attended ≤ booked ≤ nominated, and the states add up", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), (rows) => {
        const funnel = uptakeFunnel(rows);
        expect(funnel.attended).toBeLessThanOrEqual(funnel.booked);
        expect(funnel.booked).toBeLessThanOrEqual(funnel.nominated);
        expect(funnel.attended).toBe(funnel.fullyAttended + funnel.partiallyAttended);
        const waiting = rows.filter((row) => row.state === "nominated" || row.state === "approved");
        expect(
          funnel.booked + funnel.cancelled + funnel.declined + funnel.waitlisted + waiting.length,
        ).toBe(funnel.nominated);
        expect(funnel.attendanceRate).toBeGreaterThanOrEqual(0);
        expect(funnel.attendanceRate).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("group totals sum to the overall funnel, in sorted order", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), (rows) => {
        const funnel = uptakeFunnel(rows, { groupBy: "department" });
        for (const field of COUNT_FIELDS) {
          expect(funnel.groups.reduce((sum, group) => sum + group[field], 0)).toBe(funnel[field]);
        }
        const keys = funnel.groups.map((group) => group.key);
        expect(keys).toEqual([...new Set(rows.map((row) => row.department))].sort());
        const { groups: _groups, ...overall } = funnel;
        expect(overall).toEqual(uptakeFunnel(rows));
      }),
    );
  });
});

describe("funnelFromCounts", () => {
  const stateArb = fc.constantFrom(...NominationStateSchema.options);

  test("gives the funnel uptakeFunnel gives for the records counted", () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 60 }), (states) => {
        const records = states.map((state) => ({ state }));
        const counts = NominationStateSchema.options.map((state) => ({
          state,
          count: states.filter((each) => each === state).length,
        }));
        expect(funnelFromCounts(counts)).toEqual(uptakeFunnel(records));
      }),
    );
  });

  test("adds a state's counts given more than once, and nothing counted is a rate of 0", () => {
    expect(
      funnelFromCounts([
        { state: "fully_attended", count: 2 },
        { state: "fully_attended", count: 1 },
        { state: "no_show", count: 1 },
      ]),
    ).toMatchObject({ nominated: 4, booked: 4, attended: 3, attendanceRate: 0.75 });
    expect(funnelFromCounts([])).toEqual(uptakeFunnel([]));
    // Any iterable will do, such as a set of rows.
    expect(funnelFromCounts(new Set([{ state: "booked" as const, count: 5 }])).booked).toBe(5);
  });

  test("counts one record's state once, not once per figure it appears in", () => {
    // A booked-then-attended record is in nominated, booked and attended; 1,000 of them are 1,000 each.
    expect(funnelFromCounts([{ state: "partially_attended", count: 1000 }])).toMatchObject({
      nominated: 1000,
      booked: 1000,
      attended: 1000,
      partiallyAttended: 1000,
      attendanceRate: 1,
    });
  });

  test("refuses a state or count it cannot use, naming the entry", () => {
    expect(() => funnelFromCounts([{ state: "attended" as NominationState, count: 1 }])).toThrow(
      new TrainingRuleError(
        "invalid_input",
        `counts[0].state "attended" is not a nomination state (${NominationStateSchema.options.join(", ")})`,
      ),
    );
    for (const bad of [-1, 1.5, Number.NaN, "3"]) {
      expect(() =>
        funnelFromCounts([
          { state: "booked", count: 1 },
          { state: "booked", count: bad as number },
        ]),
      ).toThrow(
        `counts[1].count must be a whole number, 0 or more (got ${typeof bad === "string" ? `"${bad}"` : String(bad)})`,
      );
    }
    expect(() => funnelFromCounts([null as unknown as StateCount])).toThrow(
      "counts[0] must be an object (got null)",
    );
    expect(() => funnelFromCounts(5 as unknown as StateCount[])).toThrow(
      "counts must be a list of { state, count } (got 5)",
    );
    expect(() => funnelFromCounts(null as unknown as StateCount[])).toThrow(
      "counts must be a list of { state, count } (got null)",
    );
  });
});
