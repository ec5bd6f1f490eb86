import type { RefresherStatus } from "./refresher-due";

/**
 * Each refresher status in words.
 *
 * @example
 * REFRESHER_STATUS_LABELS.due_soon; // "Due soon"
 */
export const REFRESHER_STATUS_LABELS: Readonly<Record<RefresherStatus, string>> = Object.freeze({
  overdue: "Overdue",
  due_soon: "Due soon",
  current: "Current",
});
