import { describe, expect, test } from "vitest";

import { agencyRefusal, placesFreeFor, type SessionEligibility } from "./agency-places";
import { TrainingRuleError } from "./training-rule-error";

const POLICE = { id: "police", name: "Thames Valley Police", member: true, archived: false };
const CHARITY = { id: "charity", name: "Hearth Housing", member: false, archived: false };
const ALL: SessionEligibility = { openTo: "all_members", agencyIds: [], nonMemberPricePence: null };

describe("agencyRefusal", () => {
  test("a session open to all members takes any member agency", () => {
    expect(agencyRefusal(ALL, POLICE)).toBeNull();
  });

  test("a session for chosen agencies takes only those", () => {
    const chosen = { ...ALL, openTo: "chosen_agencies" as const, agencyIds: ["nhs"] };
    expect(agencyRefusal(chosen, POLICE)).toBe("Not open to Thames Valley Police");
    expect(agencyRefusal({ ...chosen, agencyIds: ["police"] }, POLICE)).toBeNull();
  });

  test("a non-member agency needs a price for non-members", () => {
    expect(agencyRefusal(ALL, CHARITY)).toBe(
      "Not open to Hearth Housing: the session has no places for non-member agencies",
    );
    expect(agencyRefusal({ ...ALL, nonMemberPricePence: 5000 }, CHARITY)).toBeNull();
    // Free places for non-members are a price of nothing, not a refusal.
    expect(agencyRefusal({ ...ALL, nonMemberPricePence: 0 }, CHARITY)).toBeNull();
  });

  test("an archived agency takes no new places", () => {
    expect(agencyRefusal(ALL, { ...POLICE, archived: true })).toBe(
      "Thames Valley Police is archived, so takes no new places",
    );
  });

  test("names a wrong argument", () => {
    const wrong = (session: unknown, agency: unknown) => () =>
      agencyRefusal(session as SessionEligibility, agency as typeof POLICE);
    expect(wrong(null, POLICE)).toThrow(
      new TrainingRuleError("invalid_input", "session must be an object (got null)"),
    );
    expect(wrong({ ...ALL, openTo: "everyone" }, POLICE)).toThrow(
      'session.openTo must be all_members or chosen_agencies (got "everyone")',
    );
    expect(wrong({ ...ALL, agencyIds: [7] }, POLICE)).toThrow(
      "session.agencyIds[0] must be text (got 7)",
    );
    expect(wrong({ ...ALL, nonMemberPricePence: 1.5 }, POLICE)).toThrow(
      "session.nonMemberPricePence must be a whole number, 0 or more (got 1.5)",
    );
    expect(wrong(ALL, { ...POLICE, name: null })).toThrow("agency.name must be text (got null)");
    expect(wrong(ALL, { ...POLICE, member: "yes" })).toThrow(
      'agency.member must be true or false (got "yes")',
    );
  });
});

describe("placesFreeFor", () => {
  const places = {
    capacity: 20,
    booked: 12,
    reservations: [
      { agencyId: "police", reserved: 5, booked: 1 },
      { agencyId: "nhs", reserved: 2, booked: 3 },
    ],
  };

  test("an agency books its own held places and the shared ones", () => {
    // 8 free: 4 held for the police, none left for the NHS (it has taken more than its 2).
    expect(placesFreeFor(places, "police")).toBe(8);
    expect(placesFreeFor(places, "nhs")).toBe(4);
    expect(placesFreeFor(places, "council")).toBe(4);
    expect(placesFreeFor(places, null)).toBe(4);
  });

  test("with nothing reserved every free place is shared", () => {
    expect(placesFreeFor({ capacity: 20, booked: 12, reservations: [] }, "council")).toBe(8);
  });

  test("never goes below nothing", () => {
    expect(placesFreeFor({ ...places, booked: 19 }, "council")).toBe(0);
    expect(placesFreeFor({ capacity: 2, booked: 3, reservations: [] }, null)).toBe(0);
  });

  test("names a wrong argument", () => {
    const wrong =
      (value: unknown, agencyId: unknown = null) =>
      () =>
        placesFreeFor(value as typeof places, agencyId as string);
    expect(wrong([])).toThrow("places must be an object (got a list)");
    expect(wrong({ ...places, capacity: -1 })).toThrow(
      "places.capacity must be a whole number, 0 or more (got -1)",
    );
    expect(wrong({ ...places, reservations: [null] })).toThrow(
      "places.reservations[0] must be an object (got null)",
    );
    expect(
      wrong({ ...places, reservations: [{ agencyId: "x", reserved: 1, booked: "1" }] }),
    ).toThrow('places.reservations[0].booked must be a whole number, 0 or more (got "1")');
    expect(wrong(places, 3)).toThrow(TrainingRuleError);
  });
});
