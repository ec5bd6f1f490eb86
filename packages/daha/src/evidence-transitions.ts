import { EvidenceStatusSchema, type EvidenceStatus, describeValue } from "@dapkit/schemas";

import { DahaRuleError } from "./daha-rule-error";

/**
 * Where an evidence item may move next from each status; a status not listed is not allowed.
 *
 * - draft → in_review (sent for review)
 * - in_review → approved | rejected | draft (the owner withdraws it for more work)
 * - approved → expired (it stops counting; an approved item is replaced, not edited back)
 * - rejected → draft (reworked after the reviewer's comments)
 * - expired → draft (renewed: updated and sent round again)
 *
 * @example
 * evidenceTransitions.draft; // ["in_review"]
 */
export const evidenceTransitions: Readonly<Record<EvidenceStatus, readonly EvidenceStatus[]>> =
  Object.freeze({
    draft: Object.freeze(["in_review"] as const),
    in_review: Object.freeze(["approved", "rejected", "draft"] as const),
    approved: Object.freeze(["expired"] as const),
    rejected: Object.freeze(["draft"] as const),
    expired: Object.freeze(["draft"] as const),
  });

// Why each status cannot go where it was asked to, for moves not covered by a shared reason.
const BLOCKED_REASON: Readonly<Record<EvidenceStatus, string>> = {
  draft: "it must be sent for review first",
  in_review: "a review can only approve or reject it, or withdraw it to draft",
  approved: "approved evidence can only expire; add a new item to replace it",
  rejected: "rejected evidence must go back to draft for rework first",
  expired: "expired evidence must go back to draft to be renewed",
};

function isEvidenceStatus(value: unknown): value is EvidenceStatus {
  return EvidenceStatusSchema.safeParse(value).success;
}

/**
 * Says whether an evidence item may move from one status to another (staying put is not a move).
 *
 * @example
 * canTransitionEvidence("in_review", "approved"); // true
 * canTransitionEvidence("draft", "approved"); // false
 */
export function canTransitionEvidence(from: EvidenceStatus, to: EvidenceStatus): boolean {
  return isEvidenceStatus(from) && (evidenceTransitions[from] as readonly string[]).includes(to);
}

// A status by its name; anything else as an error message can show it.
function statusName(value: unknown): string {
  return typeof value === "string" ? value : describeValue(value);
}

function explainRefusal(from: unknown, to: unknown): string {
  const options = EvidenceStatusSchema.options.join(", ");
  if (!isEvidenceStatus(from))
    return `${describeValue(from)} is not an evidence status (${options})`;
  if (!isEvidenceStatus(to)) return `${describeValue(to)} is not an evidence status (${options})`;
  if (from === to) return `it is already ${from}`;
  if (to === "expired") return "only approved evidence can expire";
  return BLOCKED_REASON[from];
}

/**
 * Throws `DahaRuleError` (`invalid_transition`) explaining why an evidence item cannot move from
 * one status to another; returns quietly when it can.
 *
 * @example
 * assertEvidenceTransition("draft", "in_review"); // fine
 * assertEvidenceTransition("draft", "approved");
 * // DahaRuleError: Evidence cannot move from draft to approved: it must be sent for review first
 */
export function assertEvidenceTransition(from: EvidenceStatus, to: EvidenceStatus): void {
  if (canTransitionEvidence(from, to)) return;
  throw new DahaRuleError(
    "invalid_transition",
    `Evidence cannot move from ${statusName(from)} to ${statusName(to)}: ${explainRefusal(from, to)}`,
  );
}
