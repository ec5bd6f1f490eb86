import { formatMoney } from "@dapkit/funding";
import type { ChargingPolicy } from "@dapkit/training";

/** An amount as a charge is quoted: whole pounds when whole (£90), pence otherwise (£12.50). */
export function chargeAmount(pence: number): string {
  return formatMoney(pence, { style: pence % 100 === 0 ? "pounds" : "exact" });
}

function workingDays(days: number): string {
  return `${String(days)} working ${days === 1 ? "day's" : "days'"}`;
}

/**
 * The policy as examples in words, for the agencies it applies to: what a late cancellation and
 * a no-show cost, and what is free.
 */
export function chargingExamples(policy: ChargingPolicy): string[] {
  if (!policy.enabled) return ["Nothing is charged for late cancellations or no-shows."];
  const { noticeWorkingDays: notice, lateCancellation: late, noShow } = policy;
  const short = Math.max(notice - 1, 0);
  const halfDay = `up to ${String(policy.halfDayMaxMinutes / 60).replace(/\.0+$/, "")} hours`;
  return [
    notice === 0
      ? "Cancelling a booking is free at any time before the session."
      : `A full-day session cancelled with ${workingDays(short)} notice costs ${chargeAmount(late.fullDayPence)}; a half-day session (${halfDay}) costs ${chargeAmount(late.halfDayPence)}.`,
    `A booked person who does not sign in costs their agency ${chargeAmount(noShow.fullDayPence)} for a full day and ${chargeAmount(noShow.halfDayPence)} for a half day.`,
    `Cancelling with ${workingDays(notice)} notice or more, or sending a substitute before the session starts, is free. Weekends and bank holidays are not working days.`,
    policy.chargeMemberAgencies
      ? "Member agencies are charged as well as other agencies."
      : "Member agencies are not charged; other agencies are.",
    "A non-member agency pays the session's price for each place when it books; a place given up with enough notice is not charged, and nothing more is charged for a late cancellation or no-show.",
  ];
}
