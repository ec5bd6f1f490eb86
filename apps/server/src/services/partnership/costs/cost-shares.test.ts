import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { SHARING_BASES } from "@dapkit/contract";

import { shareCosts, type SharingFacts } from "./cost-shares";

// Up to 12 agencies, each with some bookings and attendees, and a percentage split of 100 %
// (in hundredths) across the first few.
const facts = fc
  .record({
    totalPence: fc.integer({ min: 0, max: 1_000_000_000 }),
    basis: fc.constantFrom(...SHARING_BASES),
    activity: fc.array(
      fc.record({ placesBooked: fc.integer({ min: 1, max: 400 }), attendees: fc.nat(400) }),
      { minLength: 1, maxLength: 12 },
    ),
    cuts: fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 11 }),
  })
  .map(({ totalPence, basis, activity, cuts }): SharingFacts => {
    const members = activity.map((_, index) => ({
      id: `a${String(index)}`,
      name: `Agency ${String(index)}`,
    }));
    const points = [0, ...cuts.slice(0, members.length - 1).sort((x, y) => x - y), 10_000];
    return {
      totalPence,
      basis,
      members,
      agreed: points.slice(1).map((point, index) => ({
        ...(members[index] ?? { id: "", name: "" }),
        basisPoints: point - (points[index] ?? 0),
      })),
      activity: new Map(
        members.map((member, index) => [
          member.id,
          activity[index] ?? { placesBooked: 0, attendees: 0 },
        ]),
      ),
      financialYear: "2026/27",
    };
  });

describe("shareCosts", () => {
  test("for every basis the shares add up exactly to the programme cost, none negative", () => {
    fc.assert(
      fc.property(facts, (input) => {
        const { shares, problem } = shareCosts(input);
        if (problem != null) {
          // Only attendees may be missing here: every agency booked a place.
          expect(input.basis).toBe("attendees");
          expect(shares).toEqual([]);
          return;
        }
        expect(shares.reduce((sum, row) => sum + row.sharePence, 0)).toBe(input.totalPence);
        expect(shares.every((row) => Number.isInteger(row.sharePence) && row.sharePence >= 0)).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  test("each share is within a penny of its exact proportion", () => {
    const result = shareCosts({
      totalPence: 100,
      basis: "places_booked",
      members: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
        { id: "c", name: "C" },
      ],
      agreed: [],
      activity: new Map([
        ["a", { placesBooked: 1, attendees: 0 }],
        ["b", { placesBooked: 1, attendees: 0 }],
        ["c", { placesBooked: 1, attendees: 0 }],
      ]),
      financialYear: "2026/27",
    });
    expect(result.shares.map((row) => row.sharePence)).toEqual([34, 33, 33]);
  });

  test("an agency with no bookings pays nothing on places booked, and agreed percentages need a full 100 %", () => {
    const members = [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
    ];
    const base = { totalPence: 999, members, financialYear: "2026/27" };
    expect(
      shareCosts({
        ...base,
        basis: "places_booked",
        agreed: [],
        activity: new Map([["a", { placesBooked: 3, attendees: 3 }]]),
      }).shares.map((row) => row.sharePence),
    ).toEqual([999, 0]);
    expect(
      shareCosts({ ...base, basis: "agreed_percentages", agreed: [], activity: new Map() }).problem,
    ).toBe("Agree each agency's percentage for 2026/27 to share the costs.");
  });
});
