import { describe, expect, test } from "vitest";

import * as training from "./index";

describe("@dapkit/training public API", () => {
  test("exports exactly the documented values", () => {
    expect(Object.keys(training).sort()).toEqual([
      "DEFAULT_BANK_HOLIDAYS",
      "DEFAULT_DUE_WITHIN_DAYS",
      "ENDED_STATES",
      "NOMINATION_ACTIONS",
      "NOMINATION_STATE_LABELS",
      "REFRESHER_STATUS_LABELS",
      "SESSION_STATUS_ACTIONS",
      "SESSION_STATUS_LABELS",
      "TrainingRuleError",
      "addWorkingDays",
      "agencyRefusal",
      "assertAttendanceUndo",
      "assertNominationTransition",
      "assertSessionAllows",
      "assertUnscheduledAttendance",
      "attendanceFigures",
      "attendanceRate",
      "canTransitionNomination",
      "chargeFor",
      "closingProblem",
      "formatMean",
      "formatRate",
      "funnelFromCounts",
      "hasEnded",
      "holdsPlace",
      "isAttendanceOutcome",
      "nominationActions",
      "nominationTransitions",
      "parseBankHolidays",
      "placesFreeFor",
      "ratePercent",
      "refresherDue",
      "requiredLevels",
      "sessionAllows",
      "sessionRefusal",
      "sessionStatus",
      "uptakeFunnel",
      "workingDaysBetween",
    ]);
  });

  test("an HR officer's afternoon: mark attendance, report uptake, chase refreshers", () => {
    training.assertNominationTransition("booked", "fully_attended");
    const nominations = [
      { staffId: "s1", department: "Housing", state: "fully_attended" as const, on: "2022-03-14" },
      { staffId: "s2", department: "Housing", state: "no_show" as const, on: "2022-03-14" },
    ];
    const funnel = training.uptakeFunnel(nominations, { groupBy: "department" });
    expect(training.formatRate(funnel.attendanceRate)).toBe("50.0%");
    const due = training.refresherDue({
      completions: nominations
        .filter((nomination) => nomination.state === "fully_attended")
        .map((nomination) => ({ staffId: nomination.staffId, completedOn: nomination.on })),
      intervalMonths: 36,
      asOf: "2025-03-01",
    });
    expect(due).toEqual([
      {
        staffId: "s1",
        lastCompletedOn: "2022-03-14",
        dueOn: "2025-03-14",
        status: "due_soon",
        daysUntilDue: 13,
      },
    ]);
  });
});
