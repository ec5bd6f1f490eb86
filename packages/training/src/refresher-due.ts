import {
  addMonths,
  formatIsoDate,
  toDayNumber,
  type CalendarDate,
  describeValue,
} from "@dapkit/schemas";

import { parseIsoDate } from "./calendar-date";
import { TrainingRuleError } from "./training-rule-error";
import { requireKind } from "./require-kind";

/**
 * One completion of a course by one member of staff; other fields are allowed and ignored.
 *
 * @example
 * const completion: Completion = { staffId: "s1", completedOn: "2022-03-14" };
 */
export interface Completion {
  readonly staffId: string;
  /** The day the training was completed, `YYYY-MM-DD`. */
  readonly completedOn: string;
}

/**
 * What `refresherDue` takes; `dueWithinDays` defaults to 30.
 *
 * @example
 * const input: RefresherDueInput<Completion> = {
 *   completions: [{ staffId: "s1", completedOn: "2022-03-14" }],
 *   intervalMonths: 36,
 *   asOf: "2025-03-01",
 * };
 */
export interface RefresherDueInput<C extends Completion> {
  /** Completions of one course (or of courses that count as the same training). */
  readonly completions: readonly C[];
  /** Months from a completion until the refresher is due, 1 to 120 (as `CourseSchema` allows). */
  readonly intervalMonths: number;
  /** The date to judge on, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** How many days ahead a due date counts as due soon. */
  readonly dueWithinDays?: number;
}

/**
 * Whether a refresher is overdue, due within the window, or not yet due.
 *
 * @example
 * const status: RefresherStatus = "due_soon";
 */
export type RefresherStatus = "overdue" | "due_soon" | "current";

/**
 * One person's refresher position, from their latest completion.
 *
 * @example
 * const row: RefresherDue = {
 *   staffId: "s1",
 *   lastCompletedOn: "2022-03-14",
 *   dueOn: "2025-03-14",
 *   status: "due_soon",
 *   daysUntilDue: 13,
 * };
 */
export interface RefresherDue {
  staffId: string;
  lastCompletedOn: string;
  dueOn: string;
  status: RefresherStatus;
  /** Days from `asOf` to `dueOn`: 0 on the day, negative once overdue. */
  daysUntilDue: number;
}

/**
 * The default number of days ahead that a refresher counts as due soon.
 *
 * @example
 * DEFAULT_DUE_WITHIN_DAYS; // 30
 */
export const DEFAULT_DUE_WITHIN_DAYS = 30;

function wholeNumber(value: unknown, field: string, range: { min: number; max: number }): number {
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    const limits = Number.isFinite(range.max)
      ? `from ${String(range.min)} to ${String(range.max)}`
      : `${String(range.min)} or more`;
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be a whole number ${limits} (got ${describeValue(value)})`,
    );
  }
  return value;
}

/**
 * Works out when each person's refresher is due: `intervalMonths` after their latest completion
 * on or before `asOf`, clamped to the end of a shorter month (31 January + 1 month = 28 February,
 * or 29 in a leap year). Overdue once the due date has passed; due soon from `dueWithinDays`
 * before it up to and including the day; current otherwise.
 *
 * Which outcomes count as a completion is the caller's choice: the tracker server passes
 * fully-attended nominations only. Completions after `asOf` are ignored, so a report for a past
 * date sees what was known then. People with no completion do not appear. Rows come most urgent
 * first (by due date, then staff id). Throws `TrainingRuleError` for a bad date (`invalid_date`),
 * interval, window or staff id (`invalid_input`), naming the field.
 *
 * @example
 * refresherDue({
 *   completions: [
 *     { staffId: "s1", completedOn: "2021-01-31" },
 *     { staffId: "s1", completedOn: "2022-01-31" },
 *   ],
 *   intervalMonths: 25,
 *   asOf: "2024-02-01",
 * });
 * // [{ staffId: "s1", lastCompletedOn: "2022-01-31", dueOn: "2024-02-29",
 * //    status: "due_soon", daysUntilDue: 28 }]
 */
export function refresherDue<C extends Completion>(input: RefresherDueInput<C>): RefresherDue[] {
  requireKind(input, "input", "object");
  requireKind(input.completions, "completions", "list");
  const today = toDayNumber(parseIsoDate(input.asOf, "asOf"));
  const intervalMonths = wholeNumber(input.intervalMonths, "intervalMonths", { min: 1, max: 120 });
  const dueWithinDays = wholeNumber(
    input.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS,
    "dueWithinDays",
    {
      min: 0,
      max: Number.POSITIVE_INFINITY,
    },
  );

  const latest = new Map<string, { date: CalendarDate; day: number }>();
  input.completions.forEach((completion, index) => {
    const field = `completions[${String(index)}]`;
    requireKind(completion, field, "object");
    if (typeof completion.staffId !== "string" || completion.staffId.trim() === "") {
      throw new TrainingRuleError(
        "invalid_input",
        `${field}.staffId must be a non-empty identifier`,
      );
    }
    const date = parseIsoDate(completion.completedOn, `${field}.completedOn`);
    const day = toDayNumber(date);
    const known = latest.get(completion.staffId);
    if (day <= today && (known === undefined || day > known.day)) {
      latest.set(completion.staffId, { date, day });
    }
  });

  return (
    [...latest.entries()]
      .map(([staffId, last]): RefresherDue => {
        const due = addMonths(last.date, intervalMonths);
        const daysUntilDue = toDayNumber(due) - today;
        const status: RefresherStatus =
          daysUntilDue < 0 ? "overdue" : daysUntilDue <= dueWithinDays ? "due_soon" : "current";
        return {
          staffId,
          lastCompletedOn: formatIsoDate(last.date),
          dueOn: formatIsoDate(due),
          status,
          daysUntilDue,
        };
      })
      // Staff ids are unique here (one row each), so the tie-break never sees two equal ids.
      .sort((a, b) => a.daysUntilDue - b.daysUntilDue || (a.staffId < b.staffId ? -1 : 1))
  );
}
