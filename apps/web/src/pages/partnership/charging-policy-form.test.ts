import { describe, expect, test } from "vitest";

import { policyInput, policyText } from "./charging-policy-form";
import { WIRRAL_POLICY } from "./wirral-policy";

const POLICY = {
  ...WIRRAL_POLICY,
  noShow: { halfDayPence: 2550, fullDayPence: 9000 },
  chargeMemberAgencies: false,
};

describe("the charging policy form", () => {
  test("shows the saved policy and reads it back unchanged", () => {
    const text = policyText(POLICY);
    expect(text).toMatchObject({ enabled: "yes", lateFullDay: "£90.00", noShowHalfDay: "£25.50" });
    expect(policyInput(text)).toEqual({ policy: POLICY, problems: [] });
  });

  test("names each field that is not money, not a whole number, or out of range", () => {
    const { problems } = policyInput({
      ...policyText(POLICY),
      noticeWorkingDays: "three",
      halfDayMaxMinutes: "10",
      lateHalfDay: "fifty",
      noShowFullDay: "£20,000",
    });
    expect(problems).toEqual([
      { field: "noticeWorkingDays", message: "Notice period must be a whole number" },
      {
        field: "lateHalfDay",
        message: "Late cancellation, half day must be an amount of money, like £50",
      },
      {
        field: "halfDayMaxMinutes",
        message: "Longest half-day session must be at least 30 minutes",
      },
      { field: "noShowFullDay", message: "No-show, full day must be at most £10,000" },
    ]);
  });
});
