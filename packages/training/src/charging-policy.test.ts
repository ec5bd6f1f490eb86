import { describe, expect, test } from "vitest";

import { DEFAULT_BANK_HOLIDAYS } from "./bank-holidays";
import { chargeFor, type ChargeEvent, type ChargingPolicy } from "./charging-policy";
import { TrainingRuleError } from "./training-rule-error";

// Wirral's published policy: £50 up to half a day, £90 a full day, 3 working days' notice.
const WIRRAL: ChargingPolicy = {
  enabled: true,
  noticeWorkingDays: 3,
  halfDayMaxMinutes: 240,
  lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
  noShow: { halfDayPence: 5000, fullDayPence: 9000 },
  chargeMemberAgencies: true,
};

const FULL_DAY = 390;

function cancelled(cancelledOn: string, sessionDate: string, more: Partial<ChargeEvent> = {}) {
  return {
    kind: "cancelled",
    sessionDate,
    sessionMinutes: FULL_DAY,
    cancelledOn,
    member: true,
    substituted: false,
    ...more,
  } as ChargeEvent;
}

const notAttended = (more: object = {}) =>
  ({
    kind: "not_attended",
    sessionMinutes: FULL_DAY,
    member: true,
    substituted: false,
    ...more,
  }) as ChargeEvent;

describe("chargeFor: late cancellations", () => {
  test("charges a full day cancelled with 1 working day's notice across Easter", () => {
    // Thursday 2 April 2026 for Tuesday 7 April: Good Friday and Easter Monday are not notice.
    expect(chargeFor(WIRRAL, cancelled("2026-04-02", "2026-04-07"), DEFAULT_BANK_HOLIDAYS)).toEqual(
      {
        amountPence: 9000,
        basis: "Full day, cancelled with 1 working day's notice (3 needed)",
      },
    );
    // Without the bank holidays the same dates give 3 working days: in time.
    expect(chargeFor(WIRRAL, cancelled("2026-04-02", "2026-04-07"), [])).toBeNull();
  });

  test("charges across Christmas, and nothing once the notice is given", () => {
    const session = "2026-12-30";
    expect(chargeFor(WIRRAL, cancelled("2026-12-23", session), DEFAULT_BANK_HOLIDAYS)).toBeNull();
    expect(chargeFor(WIRRAL, cancelled("2026-12-24", session), DEFAULT_BANK_HOLIDAYS)).toEqual({
      amountPence: 9000,
      basis: "Full day, cancelled with 2 working days' notice (3 needed)",
    });
  });

  test("charges the half-day rate for a session up to the half-day length", () => {
    const event = cancelled("2026-12-09", "2026-12-09", { sessionMinutes: 240 });
    expect(chargeFor(WIRRAL, event, [])).toEqual({
      amountPence: 5000,
      basis: "Half day, cancelled with 0 working days' notice (3 needed)",
    });
  });

  test("counts a cancellation after the session's day as no notice", () => {
    expect(chargeFor(WIRRAL, cancelled("2026-12-10", "2026-12-09"), [])?.basis).toContain(
      "0 working days'",
    );
  });

  test("is free when a substitute took the place, the policy is off, or members are spared", () => {
    const late = cancelled("2026-12-08", "2026-12-09");
    expect(chargeFor(WIRRAL, { ...late, substituted: true } as ChargeEvent, [])).toBeNull();
    expect(chargeFor({ ...WIRRAL, enabled: false }, late, [])).toBeNull();
    expect(chargeFor({ ...WIRRAL, chargeMemberAgencies: false }, late, [])).toBeNull();
    expect(
      chargeFor({ ...WIRRAL, chargeMemberAgencies: false }, { ...late, member: false }, []),
    ).toEqual({
      amountPence: 9000,
      basis: "Full day, cancelled with 1 working day's notice (3 needed)",
    });
  });

  test("charges nothing when the rate is nothing", () => {
    const free = { ...WIRRAL, lateCancellation: { halfDayPence: 0, fullDayPence: 0 } };
    expect(chargeFor(free, cancelled("2026-12-08", "2026-12-09"), [])).toBeNull();
  });
});

describe("chargeFor: no-shows", () => {
  test("charges a booked person who did not attend by the session's length", () => {
    expect(chargeFor(WIRRAL, notAttended(), [])).toEqual({
      amountPence: 9000,
      basis: "Full day, booked but did not attend",
    });
    const southTyneside = { ...WIRRAL, noShow: { halfDayPence: 2500, fullDayPence: 5000 } };
    expect(chargeFor(southTyneside, notAttended({ sessionMinutes: 180 }), [])).toEqual({
      amountPence: 2500,
      basis: "Half day, booked but did not attend",
    });
  });

  test("is free after a substitution, with the policy off, or for spared members", () => {
    expect(chargeFor(WIRRAL, notAttended({ substituted: true }), [])).toBeNull();
    expect(chargeFor({ ...WIRRAL, enabled: false }, notAttended(), [])).toBeNull();
    expect(chargeFor({ ...WIRRAL, chargeMemberAgencies: false }, notAttended(), [])).toBeNull();
  });
});

describe("chargeFor: non-member places", () => {
  test("charges a non-member's place at the session's price, even with the policy off", () => {
    const booked = { kind: "booked", member: false, nonMemberPricePence: 10_000 } as const;
    const place = { amountPence: 10_000, basis: "Place for a non-member agency" };
    expect(chargeFor(WIRRAL, booked, [])).toEqual(place);
    expect(chargeFor({ ...WIRRAL, enabled: false }, booked, [])).toEqual(place);
  });

  test("is free for members, sessions with no price, and a price of nothing", () => {
    expect(
      chargeFor(WIRRAL, { kind: "booked", member: true, nonMemberPricePence: 10_000 }, []),
    ).toBeNull();
    expect(
      chargeFor(WIRRAL, { kind: "booked", member: false, nonMemberPricePence: null }, []),
    ).toBeNull();
    expect(
      chargeFor(WIRRAL, { kind: "booked", member: false, nonMemberPricePence: 0 }, []),
    ).toBeNull();
  });
});

describe("chargeFor: wrong arguments", () => {
  test.each([
    ["a policy that is not an object", null, notAttended(), "policy must be an object"],
    [
      "an enabled flag that is not true or false",
      { ...WIRRAL, enabled: "yes" },
      notAttended(),
      "policy.enabled",
    ],
    [
      "a notice period that is not whole",
      { ...WIRRAL, noticeWorkingDays: 1.5 },
      notAttended(),
      "policy.noticeWorkingDays",
    ],
    [
      "a negative half-day length",
      { ...WIRRAL, halfDayMaxMinutes: -1 },
      notAttended(),
      "policy.halfDayMaxMinutes",
    ],
    [
      "rates that are not an object",
      { ...WIRRAL, noShow: 5 },
      notAttended(),
      "policy.noShow must be an object",
    ],
    [
      "a rate in pounds",
      { ...WIRRAL, lateCancellation: { halfDayPence: 50.5, fullDayPence: 90 } },
      notAttended(),
      "policy.lateCancellation.halfDayPence",
    ],
    ["an event that is not an object", WIRRAL, "no_show", "event must be an object"],
    ["an event of another kind", WIRRAL, { kind: "late" }, "event.kind must be"],
    [
      "a session length that is not a number",
      WIRRAL,
      notAttended({ sessionMinutes: "390" }),
      "event.sessionMinutes",
    ],
    ["a member flag that is not true or false", WIRRAL, notAttended({ member: 1 }), "event.member"],
    [
      "a substituted flag that is not true or false",
      WIRRAL,
      notAttended({ substituted: null }),
      "event.substituted",
    ],
    [
      "a cancellation date that is not a date",
      WIRRAL,
      cancelled("today", "2026-12-09"),
      "event.cancelledOn",
    ],
    [
      "a session date that is not a date",
      WIRRAL,
      cancelled("2026-12-09", "2026-12-32"),
      "event.sessionDate",
    ],
    [
      "a price that is not whole pence",
      WIRRAL,
      { kind: "booked", member: false, nonMemberPricePence: 9.99 },
      "event.nonMemberPricePence",
    ],
  ])("refuses %s", (...[, policy, event, message]) => {
    const call = () => chargeFor(policy as ChargingPolicy, event as ChargeEvent, []);
    expect(call).toThrow(TrainingRuleError);
    expect(call).toThrow(message);
  });
});
