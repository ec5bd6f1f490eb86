import type { FinancialYearLabel, FundingPlan } from "@dapkit/schemas";

import { describeMoney } from "./money";

/**
 * What a {@link PlanWarning} is about.
 *
 * @example
 * const code: PlanWarningCode = "year_without_cost";
 */
export type PlanWarningCode =
  | "carry_forward_exceeds_surplus"
  | "year_without_cost"
  | "contribution_after_partner_end"
  | "grant_after_end";

/**
 * Something in a valid plan that is probably a mistake: the figures are still worked out, and a
 * reader decides. Each names the financial year it is about.
 *
 * @example
 * const warning: PlanWarning = {
 *   code: "year_without_cost",
 *   financialYear: "2018/19",
 *   message: "2018/19 has no cost line, so its cost counts as £0",
 * };
 */
export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly financialYear: FinancialYearLabel;
  readonly message: string;
}

/** The year's figures a warning needs (internal). */
export interface YearForWarnings {
  readonly financialYear: FinancialYearLabel;
  readonly costPence: number;
  readonly incomePence: number;
  readonly carryForwardOutPence: number;
}

/**
 * The warnings for a validated plan and its computed years, in year order (internal).
 *
 * @example
 * planWarnings(plan, years); // [{ code: "year_without_cost", financialYear: "2018/19", message: "…" }]
 */
export function planWarnings(plan: FundingPlan, years: readonly YearForWarnings[]): PlanWarning[] {
  return years.flatMap((year) => {
    const label = year.financialYear;
    const warnings: PlanWarning[] = [];
    if (!plan.costs.some((cost) => cost.financialYear === label)) {
      warnings.push({
        code: "year_without_cost",
        financialYear: label,
        message: `${label} has no cost line, so its cost counts as £0`,
      });
    }
    // The surplus a year can carry on is what its income leaves once its own cost is met.
    const surplus = Math.max(0, year.incomePence - year.costPence);
    if (year.carryForwardOutPence > surplus) {
      warnings.push({
        code: "carry_forward_exceeds_surplus",
        financialYear: label,
        message: `${label} carries forward ${describeMoney(year.carryForwardOutPence)} but has a surplus of only ${describeMoney(surplus)} (income ${describeMoney(year.incomePence)} less cost ${describeMoney(year.costPence)})`,
      });
    }
    // A partner that has left gives nothing in a year that starts after its end date.
    const yearStart = `${label.slice(0, 4)}-04-01`;
    for (const partner of plan.partners) {
      if (partner.endDate === undefined || partner.endDate >= yearStart) continue;
      const late = plan.contributions.filter(
        (row) => row.partner === partner.key && row.financialYear === label && row.amountPence > 0,
      );
      if (late.length > 0) {
        warnings.push({
          code: "contribution_after_partner_end",
          financialYear: label,
          message: `${partner.name} contributes in ${label}, after its end date of ${partner.endDate}`,
        });
      }
    }
    for (const grant of plan.grants) {
      if (grant.endDate === undefined || grant.endDate >= yearStart) continue;
      if (grant.financialYear === label && grant.amountPence > 0) {
        warnings.push({
          code: "grant_after_end",
          financialYear: label,
          message: `${grant.name} is counted in ${label}, after it ends on ${grant.endDate}`,
        });
      }
    }
    return warnings;
  });
}
