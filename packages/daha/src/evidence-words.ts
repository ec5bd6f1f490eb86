import type { EvidenceKind, EvidenceStatus } from "@dapkit/schemas";

import type { Rag } from "./assess-readiness";
import { evidenceTransitions } from "./evidence-transitions";

/**
 * Each kind of evidence in words, in the order a form lists them.
 *
 * @example
 * EVIDENCE_KIND_LABELS.champions_list; // "DA champions list"
 */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = Object.freeze({
  policy: "Policy",
  procedure: "Procedure",
  case_audit: "Case audit",
  risk_assessment: "Risk assessment",
  training_record: "Training record",
  champions_list: "DA champions list",
  staff_survey: "Staff survey",
  partnership_agreement: "Partnership agreement",
  survivor_feedback: "Survivor feedback",
  equality_impact_assessment: "Equality impact assessment",
  publicity: "Publicity",
  other: "Other",
});

/**
 * Each evidence status in words.
 *
 * @example
 * EVIDENCE_STATUS_LABELS.in_review; // "In review"
 */
export const EVIDENCE_STATUS_LABELS: Readonly<Record<EvidenceStatus, string>> = Object.freeze({
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
});

/**
 * Each readiness rating in words that name the colour and say what it means, so the rating never
 * depends on seeing the colour (WCAG 1.4.1) and reads the same printed in black and white: red
 * has gaps, amber has evidence due for review or about to expire.
 *
 * @example
 * RAG_LABELS.amber; // "Amber: action needed"
 */
export const RAG_LABELS: Readonly<Record<Rag, string>> = Object.freeze({
  red: "Red: not ready",
  amber: "Amber: action needed",
  green: "Green: ready",
});

/**
 * One way on for an evidence item, in words: the status it moves to, what the choice is called,
 * an optional hint, and what a confirmation says once it is done.
 *
 * @example
 * const move: EvidenceMove = { to: "in_review", label: "Send for review", done: "Evidence sent for review" };
 */
export interface EvidenceMove {
  readonly to: EvidenceStatus;
  readonly label: string;
  readonly hint?: string;
  readonly done: string;
}

// The words for each move evidenceTransitions allows; a test checks the two agree exactly.
const MOVE_WORDS: Readonly<
  Record<EvidenceStatus, Partial<Record<EvidenceStatus, Omit<EvidenceMove, "to" | "done">>>>
> = {
  draft: { in_review: { label: "Send for review" } },
  in_review: {
    approved: { label: "Approve", hint: "It counts towards readiness from its effective date" },
    rejected: { label: "Reject", hint: "Say what needs to change in the note" },
    draft: { label: "Return to draft for more work" },
  },
  approved: {
    expired: { label: "Mark as expired", hint: "It will stop counting towards readiness" },
  },
  rejected: { draft: { label: "Return to draft for rework" } },
  expired: { draft: { label: "Return to draft to renew it" } },
};

const DONE: Readonly<Record<EvidenceStatus, string>> = {
  draft: "Evidence returned to draft",
  in_review: "Evidence sent for review",
  approved: "Evidence approved",
  rejected: "Evidence rejected",
  expired: "Evidence marked as expired",
};

/**
 * The ways on from an evidence status, in words, exactly as {@link evidenceTransitions} allows
 * them (in its order). Who may take each is the app's permission rule, not this one.
 *
 * @example
 * evidenceMoves("draft"); // [{ to: "in_review", label: "Send for review", done: "Evidence sent for review" }]
 */
export function evidenceMoves(from: EvidenceStatus): EvidenceMove[] {
  if (typeof from !== "string" || !Object.hasOwn(evidenceTransitions, from)) return [];
  const next: readonly EvidenceStatus[] = evidenceTransitions[from];
  return next.map((to) => ({ to, ...MOVE_WORDS[from][to], done: DONE[to] }) as EvidenceMove);
}
