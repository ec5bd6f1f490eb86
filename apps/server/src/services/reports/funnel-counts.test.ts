import { describe, expect, test } from "vitest";

import { NOMINATION_STATES, type NominationState } from "@dapkit/schemas";
import { uptakeFunnel } from "@dapkit/training";

import { funnelFromCounts } from "./funnel-counts";

describe("funnelFromCounts", () => {
  test("gives the same figures as @dapkit/training's funnel over the records counted", () => {
    const records: { state: NominationState }[] = NOMINATION_STATES.flatMap((state, i) =>
      Array.from({ length: (i * 7) % 5 }, () => ({ state })),
    );
    const counts = NOMINATION_STATES.map((state) => ({
      state,
      count: records.filter((record) => record.state === state).length,
    }));
    expect(funnelFromCounts(counts)).toEqual(uptakeFunnel(records));
  });

  test("adds counts given for one state more than once, and nothing is a rate of 0", () => {
    expect(
      funnelFromCounts([
        { state: "fully_attended", count: 2 },
        { state: "fully_attended", count: 1 },
        { state: "no_show", count: 1 },
      ]),
    ).toMatchObject({ nominated: 4, booked: 4, attended: 3, attendanceRate: 0.75 });
    expect(funnelFromCounts([])).toEqual(uptakeFunnel([]));
  });
});
