import { contract } from "@dapkit/contract";
import { formatMoney, parseMoney } from "@dapkit/funding";
import type { ChargingPolicy } from "@dapkit/training";

import type { FieldError } from "../../lib/api-errors";

/** The charging policy form's labels, in the order of its fields. */
export const POLICY_LABELS = {
  enabled: "Charge for late cancellations and no-shows",
  noticeWorkingDays: "Notice period",
  halfDayMaxMinutes: "Longest half-day session",
  lateHalfDay: "Late cancellation, half day",
  lateFullDay: "Late cancellation, full day",
  noShowHalfDay: "No-show, half day",
  noShowFullDay: "No-show, full day",
  chargeMemberAgencies: "Charge member agencies",
};

/** What the form holds: text as typed and choices made. */
// A type rather than an interface: useForm takes a record, and only a type alias is one.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type PolicyText = {
  enabled: string | null;
  noticeWorkingDays: string;
  halfDayMaxMinutes: string;
  lateHalfDay: string;
  lateFullDay: string;
  noShowHalfDay: string;
  noShowFullDay: string;
  chargeMemberAgencies: string | null;
};

const money = (pence: number) => formatMoney(pence, { style: "exact" });

/** The saved policy as the form shows it. */
export function policyText(policy: ChargingPolicy): PolicyText {
  return {
    enabled: policy.enabled ? "yes" : "no",
    noticeWorkingDays: String(policy.noticeWorkingDays),
    halfDayMaxMinutes: String(policy.halfDayMaxMinutes),
    lateHalfDay: money(policy.lateCancellation.halfDayPence),
    lateFullDay: money(policy.lateCancellation.fullDayPence),
    noShowHalfDay: money(policy.noShow.halfDayPence),
    noShowFullDay: money(policy.noShow.fullDayPence),
    chargeMemberAgencies: policy.chargeMemberAgencies ? "yes" : "no",
  };
}

/** The form fields that hold amounts of money. */
export type MoneyField = "lateHalfDay" | "lateFullDay" | "noShowHalfDay" | "noShowFullDay";
type NumberField = "noticeWorkingDays" | "halfDayMaxMinutes";

// Where the contract's schema finds a problem, by its path, and the form field that shows it.
const FIELD_OF_PATH: Readonly<Record<string, keyof PolicyText>> = {
  noticeWorkingDays: "noticeWorkingDays",
  halfDayMaxMinutes: "halfDayMaxMinutes",
  "lateCancellation.halfDayPence": "lateHalfDay",
  "lateCancellation.fullDayPence": "lateFullDay",
  "noShow.halfDayPence": "noShowHalfDay",
  "noShow.fullDayPence": "noShowFullDay",
};

/**
 * The form's text as the policy to save, with a problem for each field that is not an amount of
 * money or a whole number, or is out of the range the contract's schema allows.
 */
export function policyInput(text: PolicyText): { policy: ChargingPolicy; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const pence = (field: MoneyField): number => {
    try {
      return parseMoney(text[field]);
    } catch {
      problems.push({
        field,
        message: `${POLICY_LABELS[field]} must be an amount of money, like £50`,
      });
      return 0;
    }
  };
  const whole = (field: NumberField): number => {
    const trimmed = text[field].trim();
    if (/^\d{1,4}$/.test(trimmed)) return Number(trimmed);
    problems.push({ field, message: `${POLICY_LABELS[field]} must be a whole number` });
    return 0;
  };
  const policy = {
    enabled: text.enabled === "yes",
    noticeWorkingDays: whole("noticeWorkingDays"),
    halfDayMaxMinutes: whole("halfDayMaxMinutes"),
    lateCancellation: { halfDayPence: pence("lateHalfDay"), fullDayPence: pence("lateFullDay") },
    noShow: { halfDayPence: pence("noShowHalfDay"), fullDayPence: pence("noShowFullDay") },
    chargeMemberAgencies: text.chargeMemberAgencies === "yes",
  };
  const checked = contract.charges.policy.update.input.safeParse(policy);
  for (const issue of checked.error?.issues ?? []) {
    const field = FIELD_OF_PATH[issue.path.join(".")];
    if (field !== undefined && !problems.some((problem) => problem.field === field)) {
      problems.push({ field, message: `${POLICY_LABELS[field]} ${issue.message}` });
    }
  }
  return { policy, problems };
}
