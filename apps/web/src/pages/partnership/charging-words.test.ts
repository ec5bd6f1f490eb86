import { describe, expect, test } from "vitest";

import { chargeAmount, chargingExamples } from "./charging-words";
import { WIRRAL_POLICY } from "./wirral-policy";

const WIRRAL = WIRRAL_POLICY;

describe("chargingExamples", () => {
  test("says what a late cancellation and a no-show cost, and what is free", () => {
    expect(chargingExamples({ ...WIRRAL, noticeWorkingDays: 2 })).toEqual([
      "A full-day session cancelled with 1 working day's notice costs £90; a half-day session (up to 4 hours) costs £50.",
      "A booked person who does not sign in costs their agency £90 for a full day and £50 for a half day.",
      "Cancelling with 2 working days' notice or more, or sending a substitute before the session starts, is free. Weekends and bank holidays are not working days.",
      "Member agencies are charged as well as other agencies.",
      "A non-member agency pays the session's price for each place when it books; a place given up with enough notice is not charged, and nothing more is charged for a late cancellation or no-show.",
    ]);
  });

  test("covers no notice period, spared members and a policy that is off", () => {
    const examples = chargingExamples({
      ...WIRRAL,
      noticeWorkingDays: 0,
      halfDayMaxMinutes: 210,
      chargeMemberAgencies: false,
    });
    expect(examples[0]).toBe("Cancelling a booking is free at any time before the session.");
    expect(examples[3]).toBe("Member agencies are not charged; other agencies are.");
    expect(chargingExamples({ ...WIRRAL, enabled: false })).toEqual([
      "Nothing is charged for late cancellations or no-shows.",
    ]);
  });

  test("quotes whole pounds, or pence when there are any", () => {
    expect([chargeAmount(9000), chargeAmount(1250)]).toEqual(["£90", "£12.50"]);
  });
});
