import type { EvidenceStatus } from "@dapkit/schemas";

// Once sent for review, what was reviewed must stay what was approved: details and files change
// only while the item is a draft or has been rejected for rework.
const LOCKED: Readonly<Partial<Record<EvidenceStatus, string>>> = {
  in_review: "Evidence in review cannot be changed: withdraw it to draft first",
  approved: "Approved evidence cannot be changed: add a new item to replace it",
  expired: "Expired evidence cannot be changed: move it back to draft to renew it",
};

/**
 * Why an evidence item's details and files cannot be changed in a status, or null when they can
 * (a draft, or rejected for rework).
 *
 * @example
 * evidenceLockReason("draft"); // null
 * evidenceLockReason("approved"); // "Approved evidence cannot be changed: add a new item to replace it"
 */
export function evidenceLockReason(status: EvidenceStatus): string | null {
  // Checked as an own key, so junk from an untyped caller reads as "not locked" rather than throwing.
  return typeof status === "string" && Object.hasOwn(LOCKED, status)
    ? (LOCKED[status] ?? null)
    : null;
}
