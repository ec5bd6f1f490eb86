import { describe, expect, test } from "vitest";

import { eligibilityRows } from "./session-eligibility-summary";

const session = {
  openTo: "all_members" as const,
  agencies: [] as { agencyId: string; name: string; reservedPlaces: number }[],
  reservedUntil: null as string | null,
  nonMemberPricePence: null as number | null,
};
type Session = Parameters<typeof eligibilityRows>[0];

describe("eligibilityRows", () => {
  test("a session open to every member with nothing held says nothing", () => {
    expect(eligibilityRows(session as Session)).toEqual([]);
  });

  test("chosen agencies, places held until the release and the non-member price", () => {
    const rows = eligibilityRows({
      ...session,
      openTo: "chosen_agencies",
      agencies: [
        { agencyId: "a1", name: "Hearth Housing", reservedPlaces: 0 },
        { agencyId: "a2", name: "Thames Valley Police", reservedPlaces: 4 },
      ],
      reservedUntil: "2027-05-01T08:00:00.000Z",
      nonMemberPricePence: 5000,
    } as Session);
    expect(rows).toEqual([
      { key: "Who may book", value: "Chosen agencies only: Hearth Housing, Thames Valley Police" },
      { key: "Places reserved", value: "Thames Valley Police: 4 until 9am on 1 May 2027" },
      { key: "Non-member places", value: "£50 a place" },
    ]);
  });

  test("places held on a session open to every member, and no non-members", () => {
    const rows = eligibilityRows({
      ...session,
      agencies: [{ agencyId: "a2", name: "Thames Valley Police", reservedPlaces: 2 }],
    } as Session);
    expect(rows.map((row) => row.value)).toEqual([
      "Every member agency",
      "Thames Valley Police: 2",
      "Not open to non-members",
    ]);
  });
});
