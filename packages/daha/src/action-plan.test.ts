import { ACTION_STATUSES } from "@dapkit/schemas";
import { describe, expect, test } from "vitest";

import {
  ACTION_STATUS_LABELS,
  actionPlanChecks,
  isActionOverdue,
  suggestActions,
  type PlanAction,
} from "./action-plan";
import { assessReadiness } from "./assess-readiness";
import { DahaRuleError } from "./daha-rule-error";
import { defaultFramework } from "./frameworks";
import { staffDevelopmentCheck } from "./staff-development-check";

const approvedPolicy = {
  id: "e1",
  areaId: "partnerships",
  title: "Information sharing agreement",
  status: "approved" as const,
  reviewDate: "2023-04-01",
  expiryDate: null,
};

function action(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    areaId: "partnerships",
    what: "Sign the information sharing agreement",
    dueDate: "2022-04-01",
    status: "in_progress",
    ...overrides,
  };
}

function partnerships(actions: readonly PlanAction[], asOf: string) {
  return assessReadiness({
    framework: defaultFramework,
    evidence: [approvedPolicy],
    asOf,
    checks: actionPlanChecks({ actions, asOf }),
  }).find((area) => area.areaId === "partnerships");
}

describe("actionPlanChecks", () => {
  test("an overdue action turns an otherwise green area amber, with the reason", () => {
    expect(partnerships([action()], "2022-04-01")).toMatchObject({ rag: "green", reasons: [] });
    expect(partnerships([action()], "2022-04-05")).toMatchObject({
      rag: "amber",
      reasons: [
        'Action "Sign the information sharing agreement" was due on 1 April 2022 (4 days ago)',
      ],
    });
    expect(partnerships([action()], "2022-04-02")?.reasons).toEqual([
      'Action "Sign the information sharing agreement" was due on 1 April 2022 (1 day ago)',
    ]);
  });

  test("a done action is never overdue, and a red area stays red", () => {
    expect(partnerships([action({ status: "done" })], "2022-12-01")?.rag).toBe("green");
    const [policies] = assessReadiness({
      framework: defaultFramework,
      evidence: [],
      asOf: "2022-04-05",
      checks: actionPlanChecks({
        actions: [action({ areaId: "policies-and-procedures" })],
        asOf: "2022-04-05",
      }),
    });
    expect(policies?.rag).toBe("red");
    expect(policies?.reasons).toHaveLength(2);
  });

  test("lists the most overdue first, one check per overdue action", () => {
    const checks = actionPlanChecks({
      asOf: "2022-04-05",
      actions: [
        action({ what: "Later", dueDate: "2022-04-04" }),
        action({ what: "On time", dueDate: "2022-04-05" }),
        action({ what: "Earlier", dueDate: "2022-01-31", status: "not_started" }),
      ],
    });
    expect(checks.map((check) => check.reason)).toEqual([
      'Action "Earlier" was due on 31 January 2022 (64 days ago)',
      'Action "Later" was due on 4 April 2022 (1 day ago)',
    ]);
    expect(checks.every((check) => check.rag === "amber")).toBe(true);
  });

  test("refuses a bad due date, status or as-of date, naming the field", () => {
    expect(() =>
      actionPlanChecks({ actions: [action({ dueDate: "2022-02-30" })], asOf: "2022-04-05" }),
    ).toThrow(DahaRuleError);
    expect(() =>
      actionPlanChecks({ actions: [action({ dueDate: "2022-02-30" })], asOf: "2022-04-05" }),
    ).toThrow(/actions\[0\]\.dueDate/);
    expect(() =>
      actionPlanChecks({
        actions: [action({ status: "finished" as "done" })],
        asOf: "2022-04-05",
      }),
    ).toThrow("actions[0].status must be one of not_started, in_progress, done");
    expect(() => actionPlanChecks({ actions: [], asOf: "yesterday" })).toThrow(/asOf/);
    expect(() => actionPlanChecks({ actions: null as never, asOf: "2022-04-05" })).toThrow(
      "actions must be a list",
    );
  });

  test("an action for an area outside the framework is refused by assessReadiness", () => {
    expect(() => partnerships([action({ areaId: "nowhere" })], "2022-04-05")).toThrow(
      expect.objectContaining({ code: "unknown_area" }),
    );
  });
});

describe("isActionOverdue", () => {
  test("due before the as-of date and not done", () => {
    expect(isActionOverdue(action(), "2022-04-02")).toBe(true);
    expect(isActionOverdue(action(), "2022-04-01")).toBe(false);
    expect(isActionOverdue(action({ status: "done" }), "2022-04-02")).toBe(false);
  });
});

describe("suggestActions", () => {
  const asOf = "2022-04-05";

  test("offers an action for each evidence gap, then not once it is planned", () => {
    const readiness = assessReadiness({ framework: defaultFramework, evidence: [], asOf });
    const area = readiness.find((each) => each.areaId === "partnerships");
    if (area === undefined) throw new Error("no partnerships area");
    const suggested = suggestActions({ area, actions: [], asOf });
    expect(suggested).toEqual([
      {
        areaId: "partnerships",
        what: "Gather evidence for Partnerships and have it approved",
        reason: "No approved evidence",
      },
    ]);
    const planned = action({ what: suggested[0]?.what ?? "", dueDate: "2022-06-30" });
    expect(suggestActions({ area, actions: [planned], asOf })).toEqual([]);
    // The same wording in another area's plan does not count.
    expect(
      suggestActions({ area, actions: [{ ...planned, areaId: "staff-development" }], asOf }),
    ).toHaveLength(1);
  });

  test("never suggests the overdue actions themselves, nor what a green check praises", () => {
    const uptake = staffDevelopmentCheck({ attendanceRate: 0.9 });
    const overdue = action({ areaId: "staff-development", what: "Train the trainers" });
    const checks = [uptake, ...actionPlanChecks({ actions: [overdue], asOf })];
    const staff = assessReadiness({
      framework: defaultFramework,
      evidence: [],
      asOf,
      checks,
    }).find((area) => area.areaId === "staff-development");
    if (staff === undefined) throw new Error("no staff development area");
    expect(staff.reasons).toHaveLength(3);
    expect(suggestActions({ area: staff, actions: [overdue], asOf, checks })).toEqual([
      {
        areaId: "staff-development",
        what: "Gather evidence for Staff Development and have it approved",
        reason: "No approved evidence",
      },
    ]);
  });

  test("turns other findings into an action naming them; a green area suggests nothing", () => {
    const due = { ...approvedPolicy, reviewDate: "2022-04-20" };
    const area = assessReadiness({ framework: defaultFramework, evidence: [due], asOf }).find(
      (each) => each.areaId === "partnerships",
    );
    if (area === undefined) throw new Error("no partnerships area");
    expect(suggestActions({ area, actions: [], asOf }).map((s) => s.what)).toEqual([
      'Act on: "Information sharing agreement" is due for review on 20 April 2022 (in 15 days)',
    ]);
    expect(suggestActions({ area: { ...area, rag: "green" }, actions: [], asOf })).toEqual([]);
  });
});

test("every action status has words, in the schema's order", () => {
  expect(Object.keys(ACTION_STATUS_LABELS)).toEqual([...ACTION_STATUSES]);
});

test("suggestActions refuses a malformed area or plan with a named error", () => {
  const area = {
    areaId: "partnerships",
    areaName: "Partnerships",
    rag: "red" as const,
    reasons: [],
  };
  expect(() =>
    suggestActions({ area: { ...area, reasons: null as never }, actions: [], asOf: "2022-04-05" }),
  ).toThrow("area.reasons must be a list of sentences");
  expect(() => suggestActions({ area, actions: undefined as never, asOf: "2022-04-05" })).toThrow(
    "actions must be a list",
  );
  expect(() =>
    suggestActions({ area: { ...area, areaName: 3 as never }, actions: [], asOf: "2022-04-05" }),
  ).toThrow(DahaRuleError);
});
