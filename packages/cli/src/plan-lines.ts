import type { FundingPlanFigures, FundingPlanResult } from "@dapkit/funding";
import type { FundingPlan } from "@dapkit/schemas";

/** Which table a line belongs to. */
export type PlanSection = "Funding" | "Workstream" | "Partner" | "Reserve";

/** One line of a computed plan: an amount in pence for each financial year and the total. */
export interface PlanLine {
  readonly section: PlanSection;
  readonly label: string;
  readonly years: readonly number[];
  readonly totalPence: number;
}

const FUNDING_LINES: readonly [string, (figures: FundingPlanFigures) => number][] = [
  ["Cost", (figures) => figures.costPence],
  ["Partner contributions", (figures) => figures.income.contributionsPence],
  ["Grants", (figures) => figures.income.grantsPence],
  ["Reserve drawdowns", (figures) => figures.income.reserveDrawdownsPence],
  // Money in leaves carry-forwards out: they move an underspend between years, and over the
  // plan's total adding them as income would count the same pound twice.
  ["Money in", (figures) => figures.income.newMoneyPence],
  ["Carried in", (figures) => figures.income.carryForwardInPence],
  ["Carried out", (figures) => figures.carryForwardOutPence],
  ["Gap", (figures) => figures.gapPence],
];

// Parts carry their workstream or partner key, unique within a plan (the schema checks).
function amountFor<T extends { amountPence: number }>(
  parts: readonly T[],
  matches: (part: T) => boolean,
): number {
  return parts.filter(matches).reduce((sum, part) => sum + part.amountPence, 0);
}

/**
 * The computed plan as lines, shared by the terminal tables and the CSV so both say the same:
 * the funding lines, then each workstream, partner and reserve.
 */
export function planLines(plan: FundingPlan, result: FundingPlanResult): PlanLine[] {
  const { years, totals } = result;
  const funding = FUNDING_LINES.map(([label, pick]) => ({
    section: "Funding" as const,
    label,
    years: years.map(pick),
    totalPence: pick(totals),
  }));
  const workstreams = plan.workstreams.map(({ key, name, percent }) => {
    const mine = (part: { key: string }) => part.key === key;
    return {
      section: "Workstream" as const,
      label: `${name} (${String(percent)} %)`,
      years: years.map((year) => amountFor(year.workstreams, mine)),
      totalPence: amountFor(totals.workstreams, mine),
    };
  });
  const partners = plan.partners.map(({ key, name }) => {
    const mine = (part: { partner: string }) => part.partner === key;
    return {
      section: "Partner" as const,
      label: name,
      years: years.map((year) => amountFor(year.contributionsByPartner, mine)),
      totalPence: amountFor(totals.contributionsByPartner, mine),
    };
  });
  const reserves = result.reserves.map((reserve) => ({
    section: "Reserve" as const,
    label: reserve.reserve,
    years: reserve.byYear.map((year) => year.amountPence),
    totalPence: reserve.totalPence,
  }));
  return [...funding, ...workstreams, ...partners, ...reserves];
}
