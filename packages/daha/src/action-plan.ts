import { ACTION_STATUSES, describeValue, formatUkDate, type ActionStatus } from "@dapkit/schemas";

import type { AreaReadiness, ReadinessCheck } from "./assess-readiness";
import { parseIsoDate } from "./calendar-date";
import { DahaRuleError } from "./daha-rule-error";
import { requireObject, requireRecords } from "./require-input";

/**
 * The fields the action-plan rules read from each action.
 *
 * @example
 * const action: PlanAction = {
 *   areaId: "staff-development",
 *   what: "Run two awareness sessions for housing officers",
 *   dueDate: "2022-03-31",
 *   status: "in_progress",
 * };
 */
export interface PlanAction {
  readonly areaId: string;
  readonly what: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
}

/**
 * An action a readiness gap suggests, ready to add to the area's plan.
 *
 * @example
 * const suggestion: SuggestedAction = {
 *   areaId: "partnerships",
 *   what: "Gather evidence for Partnerships and have it approved",
 *   reason: "No approved evidence",
 * };
 */
export interface SuggestedAction {
  readonly areaId: string;
  readonly what: string;
  /** The readiness reason it answers. */
  readonly reason: string;
}

/**
 * Each action status in words, in the order a form lists them.
 *
 * @example
 * ACTION_STATUS_LABELS.in_progress; // "In progress"
 */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = Object.freeze({
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
});

function daysAgo(days: number): string {
  return days === 1 ? "1 day ago" : `${String(days)} days ago`;
}

function checkAction(action: PlanAction, index: number): number {
  const at = `actions[${String(index)}]`;
  if (!(ACTION_STATUSES as readonly unknown[]).includes(action.status)) {
    throw new DahaRuleError(
      "invalid_input",
      `${at}.status must be one of ${ACTION_STATUSES.join(", ")} (got ${describeValue(action.status)})`,
    );
  }
  return parseIsoDate(action.dueDate, `${at}.dueDate`);
}

/**
 * True when an action is not done and its due date is before `asOf` (due today is not overdue).
 *
 * @example
 * isActionOverdue({ areaId: "a", what: "x", dueDate: "2022-03-31", status: "in_progress" }, "2022-04-01"); // true
 */
export function isActionOverdue(action: PlanAction, asOf: string): boolean {
  requireObject(action, "action");
  const due = checkAction(action, 0);
  return action.status !== "done" && due < parseIsoDate(asOf, "asOf");
}

/**
 * Turns the action plan into readiness checks: every overdue action (not done, due before
 * `asOf`) is an amber check on its area whose reason names the action and its due date, so an
 * area with an overdue action is at best amber. Actions on time or done give no check. Pass the
 * result as `checks` to `assessReadiness`; an action for an area not in the framework is refused
 * there (`unknown_area`).
 *
 * @example
 * actionPlanChecks({
 *   asOf: "2022-04-05",
 *   actions: [{ areaId: "partnerships", what: "Sign the ISA", dueDate: "2022-04-01", status: "not_started" }],
 * });
 * // [{ areaId: "partnerships", rag: "amber",
 * //    reason: 'Action "Sign the ISA" was due on 1 April 2022 (4 days ago)' }]
 */
export function actionPlanChecks(input: {
  readonly actions: readonly PlanAction[];
  readonly asOf: string;
}): ReadinessCheck[] {
  requireObject(input, "input");
  requireRecords(input.actions, "actions", ["areaId", "what", "dueDate"]);
  const today = parseIsoDate(input.asOf, "asOf");
  const overdue = input.actions
    .map((action, index) => ({ action, due: checkAction(action, index) }))
    .filter(({ action, due }) => action.status !== "done" && due < today);
  // Most overdue first, so the reason a reader sees first is the oldest.
  overdue.sort((a, b) => a.due - b.due);
  return overdue.map(({ action, due }) => ({
    areaId: action.areaId,
    rag: "amber",
    reason: `Action "${action.what}" was due on ${formatUkDate(action.dueDate)} (${daysAgo(today - due)})`,
  }));
}

// The evidence gaps assessReadiness names, each with the action that closes it.
const GAP_ACTIONS: Readonly<Record<string, (areaName: string) => string>> = {
  "No approved evidence": (area) => `Gather evidence for ${area} and have it approved`,
  "All approved evidence has expired": (area) => `Replace the expired ${area} evidence`,
  "No evidence approved by someone other than its author": (area) =>
    `Have the ${area} evidence approved by someone other than its author`,
};

/**
 * The actions an area's readiness reasons suggest, leaving out reasons that come from the action
 * plan itself (overdue actions), reasons of green `checks` (which say what is going well) and
 * suggestions the plan already holds (same wording, any status), so one click adds a suggestion
 * and it is then no longer offered. A green area suggests nothing.
 *
 * @example
 * suggestActions({ area: { areaId: "partnerships", areaName: "Partnerships", rag: "red",
 *   reasons: ["No approved evidence"], counts }, actions: [], asOf: "2022-04-05" });
 * // [{ areaId: "partnerships", what: "Gather evidence for Partnerships and have it approved",
 * //    reason: "No approved evidence" }]
 */
export function suggestActions(input: {
  readonly area: Pick<AreaReadiness, "areaId" | "areaName" | "rag" | "reasons">;
  readonly actions: readonly PlanAction[];
  readonly asOf: string;
  /** The extra checks the readiness was assessed with; green ones suggest nothing. */
  readonly checks?: readonly ReadinessCheck[];
}): SuggestedAction[] {
  requireObject(input, "input");
  const { area, actions, asOf, checks = [] } = input;
  requireObject(area, "area");
  requireRecords([area], "area", ["areaId", "areaName"]);
  if (!Array.isArray(area.reasons) || area.reasons.some((reason) => typeof reason !== "string")) {
    throw new DahaRuleError(
      "invalid_input",
      `area.reasons must be a list of sentences (got ${describeValue(area.reasons)})`,
    );
  }
  requireRecords(actions, "actions", ["areaId", "what", "dueDate"]);
  requireRecords(checks, "checks", ["reason"]);
  const own = actions.filter((action) => action.areaId === area.areaId);
  const skip = new Set([
    ...actionPlanChecks({ actions: own, asOf }).map((check) => check.reason),
    ...checks.filter((check) => check.rag === "green").map((check) => check.reason),
  ]);
  const planned = new Set(own.map((action) => action.what));
  const suggestions: SuggestedAction[] = [];
  if (area.rag === "green") return suggestions;
  for (const reason of area.reasons) {
    if (skip.has(reason)) continue;
    const what = GAP_ACTIONS[reason]?.(area.areaName) ?? `Act on: ${reason}`;
    if (!planned.has(what) && !suggestions.some((s) => s.what === what)) {
      suggestions.push({ areaId: area.areaId, what, reason });
    }
  }
  return suggestions;
}
