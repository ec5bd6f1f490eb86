import {
  formatUkDate,
  EvidenceStatusSchema,
  type EvidenceItem,
  type EvidenceStatus,
  type PriorityArea,
  describeValue,
} from "@dapkit/schemas";

import { parseIsoDate } from "./calendar-date";
import { DahaRuleError } from "./daha-rule-error";
import { evidenceStatusAsOf } from "./evidence-status-as-of";
import { requireObject, requireRecords } from "./require-input";

/**
 * A red, amber or green rating; red is worst.
 *
 * @example
 * const rag: Rag = "amber";
 */
export type Rag = "red" | "amber" | "green";

/**
 * An extra finding a caller adds to one area, such as live training uptake for Staff Development.
 *
 * @example
 * const check: ReadinessCheck = {
 *   areaId: "staff-development",
 *   rag: "amber",
 *   reason: "Training attendance 62.2% is below the 80.0% target",
 * };
 */
export interface ReadinessCheck {
  readonly areaId: string;
  readonly rag: Rag;
  readonly reason: string;
}

/**
 * The fields `assessReadiness` reads from each evidence item (a full `EvidenceItem` will do).
 *
 * @example
 * const item: ReadinessEvidence = {
 *   id: "e1",
 *   areaId: "policies-and-procedures",
 *   title: "Resident DA policy",
 *   status: "approved",
 *   reviewDate: "2025-04-01",
 *   expiryDate: "2028-03-31",
 * };
 */
export type ReadinessEvidence = Pick<
  EvidenceItem,
  "id" | "areaId" | "title" | "status" | "reviewDate" | "expiryDate"
> & {
  /**
   * True when the person who approved the item also wrote it (created it or uploaded its file):
   * such an item does not count while `separationOfDuties` is on.
   */
  readonly approvedByAuthor?: boolean;
};

/**
 * The parts of a framework `assessReadiness` needs: its id (for messages) and its areas in order.
 *
 * @example
 * const framework: ReadinessFramework = { id: "mine", areas: [{ id: "a", name: "Area A" }] };
 */
export interface ReadinessFramework {
  readonly id: string;
  readonly areas: readonly Readonly<Pick<PriorityArea, "id" | "name">>[];
}

/**
 * What `assessReadiness` takes; `reviewWindowDays` defaults to 30 and `checks` to none.
 *
 * @example
 * const input: ReadinessInput = { framework: defaultFramework, evidence: [], asOf: "2025-01-31" };
 */
export interface ReadinessInput {
  readonly framework: ReadinessFramework;
  readonly evidence: readonly ReadinessEvidence[];
  /** The date to assess on, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** How many days ahead a review or expiry date turns an area amber. */
  readonly reviewWindowDays?: number;
  readonly checks?: readonly ReadinessCheck[];
  /**
   * Whether approval must come from someone other than the item's author (default true): an item
   * its author approved then counts as `selfApproved`, not `approved`.
   */
  readonly separationOfDuties?: boolean;
}

/**
 * How many of an area's items are in each status on the as-of date; `approved` means approved
 * (by someone other than its author, under separation of duties) and in date, and `dueForReview`
 * and `expiringSoon` are subsets of it; `selfApproved` counts in-date items their author approved.
 *
 * @example
 * const counts: ReadinessCounts = {
 *   approved: 2, selfApproved: 0, inReview: 1, draft: 0, rejected: 0, expired: 1,
 *   dueForReview: 1, expiringSoon: 0,
 * };
 */
export interface ReadinessCounts {
  approved: number;
  selfApproved: number;
  inReview: number;
  draft: number;
  rejected: number;
  expired: number;
  dueForReview: number;
  expiringSoon: number;
}

/**
 * One area's rating, the reasons for it and its evidence counts.
 *
 * @example
 * const [policies] = assessReadiness({ framework: defaultFramework, evidence: [], asOf: "2025-01-31" });
 * policies?.rag; // "red"
 */
export interface AreaReadiness {
  areaId: string;
  areaName: string;
  rag: Rag;
  reasons: string[];
  counts: ReadinessCounts;
}

/**
 * The default number of days ahead that a review or expiry date turns an area amber.
 *
 * @example
 * DEFAULT_REVIEW_WINDOW_DAYS; // 30
 */
export const DEFAULT_REVIEW_WINDOW_DAYS = 30;

const RAG_RANK: Readonly<Record<Rag, number>> = { green: 0, amber: 1, red: 2 };

const COUNT_FOR_STATUS = {
  approved: "approved",
  in_review: "inReview",
  draft: "draft",
  rejected: "rejected",
  expired: "expired",
} as const satisfies Record<EvidenceStatus, keyof ReadinessCounts>;

interface Finding {
  day: number;
  text: string;
}

interface AreaTally {
  area: Readonly<Pick<PriorityArea, "id" | "name">>;
  counts: ReadinessCounts;
  findings: Finding[];
}

// Code-unit order rather than localeCompare, so the order cannot vary with the machine's locale.
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function inDays(days: number): string {
  return days === 1 ? "in 1 day" : `in ${String(days)} days`;
}

function daysAgo(days: number): string {
  return days === 1 ? "1 day ago" : `${String(days)} days ago`;
}

function reviewFinding(title: string, reviewDate: string, daysLeft: number): string {
  const on = formatUkDate(reviewDate);
  if (daysLeft < 0) return `"${title}" was due for review on ${on} (${daysAgo(-daysLeft)})`;
  if (daysLeft === 0) return `"${title}" is due for review today (${on})`;
  return `"${title}" is due for review on ${on} (${inDays(daysLeft)})`;
}

function checkWindow(reviewWindowDays: unknown): number {
  if (
    typeof reviewWindowDays !== "number" ||
    !Number.isInteger(reviewWindowDays) ||
    reviewWindowDays < 0
  ) {
    throw new DahaRuleError(
      "invalid_input",
      `reviewWindowDays must be a whole number of days, 0 or more (got ${String(reviewWindowDays)})`,
    );
  }
  return reviewWindowDays;
}

function tallyAreas(framework: ReadinessFramework): Map<string, AreaTally> {
  const tallies = new Map<string, AreaTally>();
  for (const area of framework.areas) {
    if (tallies.has(area.id)) {
      throw new DahaRuleError(
        "invalid_input",
        `Framework ${framework.id} lists area "${area.id}" more than once`,
      );
    }
    tallies.set(area.id, {
      area,
      counts: {
        approved: 0,
        selfApproved: 0,
        inReview: 0,
        draft: 0,
        rejected: 0,
        expired: 0,
        dueForReview: 0,
        expiringSoon: 0,
      },
      findings: [],
    });
  }
  return tallies;
}

function addEvidence(
  tally: AreaTally,
  item: ReadinessEvidence,
  dates: { today: number; asOf: string; windowDays: number; separationOfDuties: boolean },
): void {
  const label = `Evidence "${item.id}"`;
  if (!EvidenceStatusSchema.safeParse(item.status).success) {
    throw new DahaRuleError(
      "invalid_input",
      `${label} has status ${describeValue(item.status)}, which is not one of ${EvidenceStatusSchema.options.join(", ")}`,
    );
  }
  // Both dates are checked whatever the status, so bad data is caught before it matters.
  const review =
    item.reviewDate == null ? null : parseIsoDate(item.reviewDate, `${label} reviewDate`);
  const expiry =
    item.expiryDate == null ? null : parseIsoDate(item.expiryDate, `${label} expiryDate`);
  const status = evidenceStatusAsOf(item, dates.asOf);
  if (status === "approved" && dates.separationOfDuties && item.approvedByAuthor === true) {
    tally.counts.selfApproved += 1;
    return;
  }
  tally.counts[COUNT_FOR_STATUS[status]] += 1;
  if (status !== "approved") return;

  if (review != null && item.reviewDate != null && review - dates.today <= dates.windowDays) {
    tally.counts.dueForReview += 1;
    tally.findings.push({
      day: review,
      text: reviewFinding(item.title, item.reviewDate, review - dates.today),
    });
  }
  // An approved item that is still counting has an expiry date after today, if it has one at all.
  if (expiry != null && item.expiryDate != null && expiry - dates.today <= dates.windowDays) {
    tally.counts.expiringSoon += 1;
    tally.findings.push({
      day: expiry,
      text: `"${item.title}" expires on ${formatUkDate(item.expiryDate)} (${inDays(expiry - dates.today)})`,
    });
  }
}

function checkExtra(check: ReadinessCheck, index: number, framework: ReadinessFramework): void {
  const field = `checks[${String(index)}]`;
  if (!framework.areas.some((area) => area.id === check.areaId)) {
    throw new DahaRuleError(
      "unknown_area",
      `${field}: area ${describeValue(check.areaId)} is not in framework ${framework.id}`,
    );
  }
  if (!Object.hasOwn(RAG_RANK, check.rag)) {
    throw new DahaRuleError(
      "invalid_input",
      `${field}.rag must be red, amber or green (got ${describeValue(check.rag)})`,
    );
  }
  if (typeof check.reason !== "string" || check.reason.trim() === "") {
    throw new DahaRuleError("invalid_input", `${field}.reason must be a non-empty sentence`);
  }
}

function rateEvidence(counts: ReadinessCounts): { rag: Rag; reason: string | null } {
  if (counts.approved === 0) {
    const reason =
      counts.selfApproved > 0
        ? "No evidence approved by someone other than its author"
        : counts.expired > 0
          ? "All approved evidence has expired"
          : "No approved evidence";
    return { rag: "red", reason };
  }
  return { rag: counts.dueForReview + counts.expiringSoon > 0 ? "amber" : "green", reason: null };
}

/**
 * Rates every area of a framework red, amber or green from its evidence on a given date, in the
 * framework's order, combining any extra `checks` (the worst rating wins).
 *
 * - Red: no approved evidence in date ("No approved evidence", "All approved evidence has expired"
 *   when some once counted, or "No evidence approved by someone other than its author" when, under
 *   `separationOfDuties` (on by default), the only approvals are by the items' own authors).
 * - Amber: approved evidence in date, but some of it is past its review date, due for review
 *   within `reviewWindowDays`, or expires within `reviewWindowDays`; one reason per item and date.
 * - Green: otherwise, with no reasons.
 *
 * Throws `DahaRuleError` for evidence or a check naming an area not in the framework
 * (`unknown_area`), a bad date (`invalid_date`) or another bad value (`invalid_input`).
 *
 * @example
 * const readiness = assessReadiness({
 *   framework: defaultFramework,
 *   asOf: "2025-01-31",
 *   evidence: [
 *     {
 *       id: "e1",
 *       areaId: "policies-and-procedures",
 *       title: "Resident DA policy",
 *       status: "approved",
 *       reviewDate: "2025-02-14",
 *       expiryDate: "2028-03-31",
 *     },
 *   ],
 * });
 * readiness[0]; // { areaId: "policies-and-procedures", rag: "amber",
 * //   reasons: ['"Resident DA policy" is due for review on 14 February 2025 (in 14 days)'], … }
 */
export function assessReadiness(input: ReadinessInput): AreaReadiness[] {
  requireObject(input, "input");
  const { framework, evidence, asOf, checks = [] } = input;
  requireObject(framework, "framework");
  requireRecords(framework.areas, "framework.areas", ["id", "name"]);
  requireRecords(evidence, "evidence", ["id", "areaId", "title"]);
  requireRecords(checks, "checks", []);
  const today = parseIsoDate(asOf, "asOf");
  const windowDays = checkWindow(input.reviewWindowDays ?? DEFAULT_REVIEW_WINDOW_DAYS);
  const separationOfDuties = input.separationOfDuties ?? true;
  const tallies = tallyAreas(framework);

  for (const item of evidence) {
    const tally = tallies.get(item.areaId);
    if (tally === undefined) {
      throw new DahaRuleError(
        "unknown_area",
        `Evidence "${item.id}" ("${item.title}") is for area "${item.areaId}", which is not in framework ${framework.id}`,
      );
    }
    addEvidence(tally, item, { today, asOf, windowDays, separationOfDuties });
  }
  checks.forEach((check, index) => checkExtra(check, index, framework));

  // A Map keeps insertion order, so the result follows the framework's order of areas.
  return [...tallies.values()].map(({ area, counts, findings }) => {
    const fromEvidence = rateEvidence(counts);
    const extra = checks.filter((check) => check.areaId === area.id);
    const rag = [fromEvidence.rag, ...extra.map((check) => check.rag)].reduce((worst, next) =>
      RAG_RANK[next] > RAG_RANK[worst] ? next : worst,
    );
    // Findings are ordered by date, soonest (or most overdue) first, then by text, so the same
    // evidence always gives the same list whatever order it arrived in.
    const sorted = [...findings].sort((a, b) => a.day - b.day || compareText(a.text, b.text));
    const reasons = [
      ...(fromEvidence.reason == null ? [] : [fromEvidence.reason]),
      ...sorted.map((finding) => finding.text),
      ...extra.map((check) => check.reason),
    ];
    return { areaId: area.id, areaName: area.name, rag, reasons, counts };
  });
}
