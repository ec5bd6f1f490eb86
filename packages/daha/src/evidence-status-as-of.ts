import { describeValue } from "@dapkit/schemas";

import type { EvidenceItem, EvidenceStatus } from "@dapkit/schemas";

import { parseIsoDate } from "./calendar-date";
import { requireObject } from "./require-input";

/**
 * The fields `evidenceStatusAsOf` reads from an evidence item.
 *
 * @example
 * const item: EvidenceDates = { id: "e1", status: "approved", expiryDate: "2025-03-31" };
 */
export type EvidenceDates = Pick<EvidenceItem, "id" | "status" | "expiryDate">;

/**
 * The status an evidence item has on a given date: an approved item counts as expired from its
 * expiry date onwards; every other status is returned as stored.
 *
 * The review date is when the item should be looked at again: until its expiry date it still
 * counts, but readiness flags it as due. The expiry date is the first day it no longer counts.
 * Only approved evidence expires by date; a draft or an item in review is not yet counting.
 *
 * @example
 * const item = { id: "e1", status: "approved", expiryDate: "2025-03-31" } as const;
 * evidenceStatusAsOf(item, "2025-03-30"); // "approved"
 * evidenceStatusAsOf(item, "2025-03-31"); // "expired"
 */
export function evidenceStatusAsOf(item: EvidenceDates, asOf: string): EvidenceStatus {
  requireObject(item, "item");
  const today = parseIsoDate(asOf, "asOf");
  if (item.status !== "approved" || item.expiryDate == null) return item.status;
  const expiry = parseIsoDate(item.expiryDate, `Evidence ${describeValue(item.id)} expiryDate`);
  return today >= expiry ? "expired" : "approved";
}
