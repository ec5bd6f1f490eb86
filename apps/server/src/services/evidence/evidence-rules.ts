import type { EvidenceStatus } from "@dapkit/schemas";

import { AppError } from "../../errors";

/** An item's dates, as stored or about to be. */
interface EvidenceDates {
  effectiveDate: string;
  reviewDate: string | null;
  expiryDate: string | null;
}

/** Refuses a review or expiry date before the date the evidence took effect. */
export function assertDatesInOrder(dates: EvidenceDates): void {
  if (dates.reviewDate != null && dates.reviewDate < dates.effectiveDate) {
    throw new AppError("bad_request", "The review date must not be before the effective date", {
      field: "reviewDate",
    });
  }
  if (dates.expiryDate != null && dates.expiryDate < dates.effectiveDate) {
    throw new AppError("bad_request", "The expiry date must not be before the effective date", {
      field: "expiryDate",
    });
  }
}

// Once sent for review, what was reviewed must stay what was approved: details and files change
// only while the item is a draft or has been rejected for rework.
const LOCKED: Partial<Record<EvidenceStatus, string>> = {
  in_review: "Evidence in review cannot be changed: withdraw it to draft first",
  approved: "Approved evidence cannot be changed: add a new item to replace it",
  expired: "Expired evidence cannot be changed: move it back to draft to renew it",
};

/** Refuses to change an item's details or files unless it is a draft or was rejected. */
export function assertEditable(status: EvidenceStatus): void {
  const reason = LOCKED[status];
  if (reason !== undefined) throw new AppError("conflict", reason);
}
