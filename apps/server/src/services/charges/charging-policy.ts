import { eq } from "drizzle-orm";

import { londonToday } from "@dapkit/schemas";

import {
  DEFAULT_BANK_HOLIDAYS,
  parseBankHolidays,
  TrainingRuleError,
  type BankHoliday,
  type ChargingPolicy,
} from "@dapkit/training";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { chargingPolicies } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import type { Scope } from "../scope";

type PolicyRow = typeof chargingPolicies.$inferSelect;

/**
 * The policy an organisation starts with, switched off: Wirral's published rates (£50 for up to
 * half a day, £90 for a full day, 3 working days' notice), a common starting point.
 */
export const DEFAULT_CHARGING_POLICY: ChargingPolicy = {
  enabled: false,
  noticeWorkingDays: 3,
  halfDayMaxMinutes: 240,
  lateCancellation: { halfDayPence: 5000, fullDayPence: 9000 },
  noShow: { halfDayPence: 5000, fullDayPence: 9000 },
  chargeMemberAgencies: true,
};

const UPCOMING = 5;

function policyRow(db: Queryable, organisationId: string): PolicyRow | undefined {
  return db
    .select()
    .from(chargingPolicies)
    .where(eq(chargingPolicies.organisationId, organisationId))
    .get();
}

function policyOf(row: PolicyRow | undefined): ChargingPolicy {
  if (row === undefined) return DEFAULT_CHARGING_POLICY;
  return {
    enabled: row.enabled,
    noticeWorkingDays: row.noticeWorkingDays,
    halfDayMaxMinutes: row.halfDayMaxMinutes,
    lateCancellation: { halfDayPence: row.lateHalfDayPence, fullDayPence: row.lateFullDayPence },
    noShow: { halfDayPence: row.noShowHalfDayPence, fullDayPence: row.noShowFullDayPence },
    chargeMemberAgencies: row.chargeMemberAgencies,
  };
}

function holidaysOf(row: PolicyRow | undefined): readonly BankHoliday[] {
  return row?.bankHolidays == null
    ? DEFAULT_BANK_HOLIDAYS
    : (JSON.parse(row.bankHolidays) as BankHoliday[]);
}

/** The policy and bank holidays as the API shows them. */
function policyOutput(row: PolicyRow | undefined, now: Date) {
  const holidays = holidaysOf(row);
  const today = londonToday(now);
  return {
    policy: policyOf(row),
    bankHolidays: {
      source: row?.bankHolidays == null ? ("shipped" as const) : ("uploaded" as const),
      updatedAt: row?.bankHolidaysUpdatedAt ?? null,
      count: holidays.length,
      firstDate: holidays[0]?.date ?? "",
      lastDate: holidays.at(-1)?.date ?? "",
      upcoming: holidays.filter((holiday) => holiday.date >= today).slice(0, UPCOMING),
    },
  };
}

/** The charging policy and its bank holidays, as `charges.policy.get` answers. */
export type ChargingPolicyOutput = ReturnType<typeof policyOutput>;

/** The organisation's charging policy (the default, off, until one is saved) and bank holidays. */
export function getChargingPolicy(scope: Scope): ChargingPolicyOutput {
  return policyOutput(policyRow(scope.db, scope.user.organisationId), scope.now);
}

/**
 * The policy charges are written under, with its bank holidays, or null when nothing is charged:
 * the organisation does not run as a partnership, or its policy is off.
 */
export function activePolicy(
  tx: Queryable,
  organisationId: string,
): { policy: ChargingPolicy; holidays: readonly BankHoliday[] } | null {
  const row = policyRow(tx, organisationId);
  if (row?.enabled !== true || !runsAsPartnership(tx, organisationId)) return null;
  return { policy: policyOf(row), holidays: holidaysOf(row) };
}

function savePolicyRow(
  scope: Scope,
  action: string,
  set: (before: PolicyRow | undefined) => Partial<PolicyRow>,
): ChargingPolicyOutput {
  return scope.db.transaction((tx) => {
    const before = policyRow(tx, scope.user.organisationId);
    const changes = { ...set(before), updatedAt: scope.now.toISOString() };
    if (before === undefined) {
      const policy = policyOf(undefined);
      tx.insert(chargingPolicies)
        .values({
          id: newId(),
          organisationId: scope.user.organisationId,
          ...columnsOf(policy),
          ...changes,
        })
        .run();
    } else {
      tx.update(chargingPolicies).set(changes).where(eq(chargingPolicies.id, before.id)).run();
    }
    const after = policyRow(tx, scope.user.organisationId);
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action,
      entity: "charging_policy",
      entityId: after?.id ?? null,
      before: before === undefined ? null : auditedFields(before),
      after: after === undefined ? null : auditedFields(after),
    });
    return policyOutput(after, scope.now);
  });
}

// The audit log keeps the policy and how many bank holidays, not the whole list.
function auditedFields(row: PolicyRow) {
  return {
    ...policyOf(row),
    bankHolidays: row.bankHolidays == null ? "shipped" : holidaysOf(row).length,
  };
}

function columnsOf(policy: ChargingPolicy) {
  return {
    enabled: policy.enabled,
    noticeWorkingDays: policy.noticeWorkingDays,
    halfDayMaxMinutes: policy.halfDayMaxMinutes,
    lateHalfDayPence: policy.lateCancellation.halfDayPence,
    lateFullDayPence: policy.lateCancellation.fullDayPence,
    noShowHalfDayPence: policy.noShow.halfDayPence,
    noShowFullDayPence: policy.noShow.fullDayPence,
    chargeMemberAgencies: policy.chargeMemberAgencies,
  };
}

/** Saves the charging policy; charges already written keep their amounts. Audited. */
export function updateChargingPolicy(scope: Scope, policy: ChargingPolicy): ChargingPolicyOutput {
  return savePolicyRow(scope, "update", () => columnsOf(policy));
}

function readFile(text: string): BankHoliday[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      "bad_request",
      "The file is not JSON: upload bank-holidays.json as GOV.UK publishes it",
      { field: "file" },
    );
  }
  try {
    return parseBankHolidays(json);
  } catch (error) {
    if (error instanceof TrainingRuleError) {
      throw new AppError("bad_request", error.message, { field: "file" });
    }
    throw error;
  }
}

/**
 * Replaces the bank holidays with those of GOV.UK's bank-holidays.json (England and Wales), so
 * notice periods count working days from the latest published list. Audited.
 */
export function uploadBankHolidays(scope: Scope, input: { file: string }): ChargingPolicyOutput {
  const holidays = readFile(input.file);
  return savePolicyRow(scope, "upload_bank_holidays", () => ({
    bankHolidays: JSON.stringify(holidays),
    bankHolidaysUpdatedAt: scope.now.toISOString(),
  }));
}
