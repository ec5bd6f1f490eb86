import { describeValue } from "@dapkit/schemas";

import { parseIsoDate } from "./calendar-date";
import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";
import { workingDaysBetween, type Holidays } from "./working-days";

/**
 * What a charge is for a half-day and a full-day session, in pence.
 *
 * @example
 * const rates: ChargeRates = { halfDayPence: 5000, fullDayPence: 9000 };
 */
export interface ChargeRates {
  readonly halfDayPence: number;
  readonly fullDayPence: number;
}

/**
 * A partnership's charging policy for non-attendance, as published to its agencies.
 *
 * @example
 * const policy: ChargingPolicy = {
 *   enabled: true,
 *   noticeWorkingDays: 3,
 *   halfDayMaxMinutes: 240,
 *   lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
 *   noShow: { halfDayPence: 5000, fullDayPence: 9000 },
 *   chargeMemberAgencies: true,
 * };
 */
export interface ChargingPolicy {
  /** Off: nothing is charged for cancelling or not attending (non-member places still cost their price). */
  readonly enabled: boolean;
  /** Cancelling with fewer working days' notice than this is a late cancellation. */
  readonly noticeWorkingDays: number;
  /** A session of up to this many minutes counts as a half day; longer ones as a full day. */
  readonly halfDayMaxMinutes: number;
  readonly lateCancellation: ChargeRates;
  readonly noShow: ChargeRates;
  /** Whether member agencies are charged for late cancellations and no-shows, as well as others. */
  readonly chargeMemberAgencies: boolean;
}

/**
 * Something that happened to a booking that the policy may charge for:
 * - `cancelled`: the booking was cancelled on `cancelledOn` (UK date) for a session on `sessionDate`;
 * - `not_attended`: the session was closed with the booked person not signed in;
 * - `booked`: a place was booked; a non-member agency's person pays the session's price for it.
 * `substituted` says another person took the place (free), `member` whether the agency is a member.
 *
 * @example
 * const event: ChargeEvent = {
 *   kind: "cancelled",
 *   sessionDate: "2026-04-07",
 *   sessionMinutes: 390,
 *   cancelledOn: "2026-04-02",
 *   member: true,
 *   substituted: false,
 * };
 */
export type ChargeEvent =
  | {
      readonly kind: "cancelled";
      readonly sessionDate: string;
      readonly sessionMinutes: number;
      readonly cancelledOn: string;
      readonly member: boolean;
      readonly substituted: boolean;
    }
  | {
      readonly kind: "not_attended";
      readonly sessionMinutes: number;
      readonly member: boolean;
      readonly substituted: boolean;
    }
  | {
      readonly kind: "booked";
      readonly member: boolean;
      readonly nonMemberPricePence: number | null;
    };

/**
 * A charge the policy makes: the amount in pence and how it was worked out, in words for an invoice.
 *
 * @example
 * const charge: Charge = { amountPence: 9000, basis: "Full day, cancelled with 1 working day's notice (3 needed)" };
 */
export interface Charge {
  readonly amountPence: number;
  readonly basis: string;
}

// A year of working days; no published policy asks for more than a few weeks.
const MAX_NOTICE = 260;
// A week of minutes: longer than any session.
const MAX_MINUTES = 10_080;
// £1,000,000 in pence: far beyond any charge, and exact in a double.
const MAX_PENCE = 100_000_000;

function wholeNumber(value: unknown, field: string, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be a whole number from 0 to ${String(max)} (got ${describeValue(value)})`,
    );
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be true or false (got ${describeValue(value)})`,
    );
  }
  return value;
}

function rates(value: unknown, field: string): ChargeRates {
  requireKind(value, field, "object");
  const { halfDayPence, fullDayPence } = value as Record<string, unknown>;
  return {
    halfDayPence: wholeNumber(halfDayPence, `${field}.halfDayPence`, MAX_PENCE),
    fullDayPence: wholeNumber(fullDayPence, `${field}.fullDayPence`, MAX_PENCE),
  };
}

function readPolicy(value: unknown): ChargingPolicy {
  requireKind(value, "policy", "object");
  const policy = value as Record<string, unknown>;
  return {
    enabled: flag(policy.enabled, "policy.enabled"),
    noticeWorkingDays: wholeNumber(
      policy.noticeWorkingDays,
      "policy.noticeWorkingDays",
      MAX_NOTICE,
    ),
    halfDayMaxMinutes: wholeNumber(
      policy.halfDayMaxMinutes,
      "policy.halfDayMaxMinutes",
      MAX_MINUTES,
    ),
    lateCancellation: rates(policy.lateCancellation, "policy.lateCancellation"),
    noShow: rates(policy.noShow, "policy.noShow"),
    chargeMemberAgencies: flag(policy.chargeMemberAgencies, "policy.chargeMemberAgencies"),
  };
}

function workingDaysWords(days: number): string {
  return `${String(days)} working ${days === 1 ? "day's" : "days'"}`;
}

// The rate for the session's length, and the length in words for the basis.
function byLength(policy: ChargingPolicy, table: ChargeRates, minutes: unknown) {
  const halfDay =
    wholeNumber(minutes, "event.sessionMinutes", MAX_MINUTES) <= policy.halfDayMaxMinutes;
  return halfDay
    ? { amountPence: table.halfDayPence, length: "Half day" }
    : { amountPence: table.fullDayPence, length: "Full day" };
}

function charged(amountPence: number, basis: string): Charge | null {
  return amountPence === 0 ? null : { amountPence, basis };
}

// Cancellations and no-shows: free if the policy is off, the agency is a member and members are
// not charged, or another person took the place.
function chargeable(policy: ChargingPolicy, event: Record<string, unknown>): boolean {
  const member = flag(event.member, "event.member");
  const substituted = flag(event.substituted, "event.substituted");
  return policy.enabled && (policy.chargeMemberAgencies || !member) && !substituted;
}

function cancellationCharge(
  policy: ChargingPolicy,
  event: Record<string, unknown>,
  holidays: Holidays,
): Charge | null {
  const sessionDate = event.sessionDate;
  const cancelledOn = event.cancelledOn;
  parseIsoDate(sessionDate, "event.sessionDate");
  parseIsoDate(cancelledOn, "event.cancelledOn");
  const notice = workingDaysBetween(cancelledOn as string, sessionDate as string, holidays);
  const { amountPence, length } = byLength(policy, policy.lateCancellation, event.sessionMinutes);
  if (!chargeable(policy, event) || notice >= policy.noticeWorkingDays) return null;
  return charged(
    amountPence,
    `${length}, cancelled with ${workingDaysWords(Math.max(notice, 0))} notice (${String(policy.noticeWorkingDays)} needed)`,
  );
}

function noShowCharge(policy: ChargingPolicy, event: Record<string, unknown>): Charge | null {
  const { amountPence, length } = byLength(policy, policy.noShow, event.sessionMinutes);
  if (!chargeable(policy, event)) return null;
  return charged(amountPence, `${length}, booked but did not attend`);
}

function placeCharge(event: Record<string, unknown>): Charge | null {
  const member = flag(event.member, "event.member");
  const price = event.nonMemberPricePence;
  const pence = price == null ? null : wholeNumber(price, "event.nonMemberPricePence", MAX_PENCE);
  if (member || pence == null) return null;
  return charged(pence, "Place for a non-member agency");
}

/**
 * What a partnership's charging policy charges an agency for one event of a booking, or null for
 * nothing: a late cancellation (fewer working days' notice than the policy asks, bank holidays
 * skipped), a no-show, or a non-member agency's place at the session's price. A substitute taking
 * the place, cancelling in time, or a member agency under a policy that spares members are free.
 * Amounts are exact in pence.
 *
 * @example
 * chargeFor(
 *   {
 *     enabled: true,
 *     noticeWorkingDays: 3,
 *     halfDayMaxMinutes: 240,
 *     lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
 *     noShow: { halfDayPence: 5000, fullDayPence: 9000 },
 *     chargeMemberAgencies: true,
 *   },
 *   {
 *     kind: "cancelled",
 *     sessionDate: "2026-04-07",
 *     sessionMinutes: 390,
 *     cancelledOn: "2026-04-02",
 *     member: true,
 *     substituted: false,
 *   },
 *   ["2026-04-03", "2026-04-06"],
 * ); // { amountPence: 9000, basis: "Full day, cancelled with 1 working day's notice (3 needed)" }
 */
export function chargeFor(
  policy: ChargingPolicy,
  event: ChargeEvent,
  holidays: Holidays,
): Charge | null {
  const rules = readPolicy(policy);
  requireKind(event, "event", "object");
  const facts = event as unknown as Record<string, unknown>;
  switch (facts.kind) {
    case "cancelled":
      return cancellationCharge(rules, facts, holidays);
    case "not_attended":
      return noShowCharge(rules, facts);
    case "booked":
      return placeCharge(facts);
    default:
      throw new TrainingRuleError(
        "invalid_input",
        `event.kind must be cancelled, not_attended or booked (got ${describeValue(facts.kind)})`,
      );
  }
}
