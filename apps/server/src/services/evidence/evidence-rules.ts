import { evidenceLockReason } from "@dapkit/daha";
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

/** Refuses to change an item's details or files unless it is a draft or was rejected. */
export function assertEditable(status: EvidenceStatus): void {
  const reason = evidenceLockReason(status);
  if (reason != null) throw new AppError("conflict", reason);
}
