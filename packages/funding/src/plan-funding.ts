import {
  FundingPlanSchema,
  formatIssues,
  type FinancialYearLabel,
  type FundingPlan,
  type FundingPlanInput,
} from "@dapkit/schemas";
import { allocateByPercent } from "./allocate";
import { FundingInputError } from "./errors";
import { sumPence, toSafePence } from "./exact-arithmetic";
import { planWarnings, type PlanWarning } from "./plan-warnings";
import { workstreamCostsIn, type WorkstreamCost } from "./workstream-costs";

/**
 * A workstream's part of a year's cost (or of the plan's total cost).
 *
 * @example
 * const part: WorkstreamAmount = { key: "perpetrators", name: "Perpetrators", amountPence: 15024490 };
 */
export interface WorkstreamAmount {
  readonly key: string;
  readonly name: string;
  readonly amountPence: number;
}

/**
 * A partner's cash contribution in a year (or over the plan), and what it gives in kind beside it.
 *
 * @example
 * const part: PartnerAmount = {
 *   partner: "pcc",
 *   name: "Police and Crime Commissioner",
 *   amountPence: 5000000,
 *   inKindPence: 0,
 * };
 */
export interface PartnerAmount {
  /** The partner's key. */
  readonly partner: string;
  readonly name: string;
  /** Cash. */
  readonly amountPence: number;
  /** Valued contributions in kind, which do not pay the cost. */
  readonly inKindPence: number;
}

/**
 * The money that meets a year's cost, by kind; `totalPence` is their sum.
 *
 * @example
 * const income: PlanIncome = {
 *   contributionsPence: 63844900,
 *   grantsPence: 0,
 *   reserveDrawdownsPence: 40900000,
 *   carryForwardInPence: 45500000,
 *   newMoneyPence: 104744900,
 *   totalPence: 150244900,
 * };
 */
export interface PlanIncome {
  /** Partners' cash contributions (contributions in kind are not income: see `inKindPence`). */
  readonly contributionsPence: number;
  readonly grantsPence: number;
  readonly reserveDrawdownsPence: number;
  /** Underspends carried into this year from earlier years. */
  readonly carryForwardInPence: number;
  /**
   * Contributions + grants + reserve drawdowns: money coming into the plan. Carry-forwards are
   * left out because they only move money between the plan's years; over a whole plan, summing
   * them as income would count the same pound twice.
   */
  readonly newMoneyPence: number;
  /** Everything meeting the cost: new money and what was carried in. */
  readonly totalPence: number;
}

/**
 * A plan's figures for one financial year, or (without `financialYear`) over all its years.
 *
 * @example
 * const figures: FundingPlanFigures = {
 *   costPence: 33500000,
 *   workstreams: [],
 *   income: {
 *     contributionsPence: 20000000,
 *     grantsPence: 0,
 *     reserveDrawdownsPence: 0,
 *     carryForwardInPence: 0,
 *     newMoneyPence: 20000000,
 *     totalPence: 20000000,
 *   },
 *   inKindPence: 0,
 *   workstreamCosts: [],
 *   contributionsByPartner: [
 *     { partner: "occ", name: "Oxfordshire County Council", amountPence: 20000000, inKindPence: 0 },
 *   ],
 *   carryForwardOutPence: 0,
 *   gapPence: 13500000,
 * };
 */
export interface FundingPlanFigures {
  readonly costPence: number;
  /** The cost split by the workstreams' percentages; empty when the plan has no workstreams. */
  readonly workstreams: WorkstreamAmount[];
  readonly income: PlanIncome;
  /** Partners' contributions in kind, valued: reported beside the income, never part of it. */
  readonly inKindPence: number;
  /** Each workstream's budget against forecast or outturn, for workstreams with a cost line. */
  readonly workstreamCosts: WorkstreamCost[];
  /** Every partner of the plan in plan order, including those contributing nothing. */
  readonly contributionsByPartner: PartnerAmount[];
  /** Underspend moved out of this year to a later one. */
  readonly carryForwardOutPence: number;
  /** cost + carried out − income: positive is a shortfall, negative a surplus. */
  readonly gapPence: number;
}

/**
 * A plan's figures for one financial year.
 *
 * @example
 * const year: Pick<FundingPlanYear, "financialYear" | "gapPence"> = { financialYear: "2015/16", gapPence: 0 };
 */
export interface FundingPlanYear extends FundingPlanFigures {
  readonly financialYear: FinancialYearLabel;
}

/**
 * How much was drawn from one named reserve, in total and year by year.
 *
 * @example
 * const reserve: ReserveTotal = {
 *   reserve: "Crime and Disorder reserve",
 *   totalPence: 73000000,
 *   byYear: [{ financialYear: "2014/15", amountPence: 32100000 }, { financialYear: "2015/16", amountPence: 40900000 }],
 * };
 */
export interface ReserveTotal {
  readonly reserve: string;
  readonly totalPence: number;
  /** Every plan year in order, including years with no drawdown. */
  readonly byYear: { readonly financialYear: FinancialYearLabel; readonly amountPence: number }[];
}

/**
 * The outcome of {@link planFunding}: figures per financial year, totals over the plan and per reserve.
 *
 * @example
 * const { years, totals }: FundingPlanResult = planFunding({ name: "Empty", financialYears: ["2017/18"] });
 */
export interface FundingPlanResult {
  readonly name: string;
  /** One entry per financial year, in the plan's order. */
  readonly years: FundingPlanYear[];
  /** Sums over all years; carry-forwards in and out cancel here because both ends lie inside the plan. */
  readonly totals: FundingPlanFigures;
  /** One entry per reserve named in the plan, in order of first mention. */
  readonly reserves: ReserveTotal[];
  /** What in the plan is probably a mistake, in year order: the figures above still follow the plan. */
  readonly warnings: PlanWarning[];
}

/**
 * Works out a multi-year co-commissioning plan: each year's cost, income by kind, carry-forwards and gap.
 *
 * The plan is validated with `FundingPlanSchema` first; a plan that fails throws a `FundingInputError` with
 * code `invalid_plan` whose `issues` list every problem with its path, including any field the schema does
 * not know (a misspelt `reserveDrawdown` is refused, not dropped). What is valid but probably a mistake (a
 * carry-forward above the year's surplus, a year without a cost line, a contribution after a partner's end
 * date) is listed in `warnings`. For each financial year, in plan
 * order, the gap is cost + carried out − (contributions + grants + reserve drawdowns + carried in), so a
 * positive gap is a shortfall and a negative one a surplus. Each year's cost is split across the plan's
 * workstreams with {@link allocateByPercent}, so the parts add up exactly to the cost.
 *
 * @example
 * const result = planFunding({
 *   name: "Oxfordshire domestic abuse services",
 *   financialYears: ["2017/18"],
 *   partners: [{ key: "occ", name: "Oxfordshire County Council", sector: "social_care" }],
 *   costs: [{ financialYear: "2017/18", amountPence: 33500000 }],
 *   contributions: [{ partner: "occ", financialYear: "2017/18", amountPence: 20000000 }],
 * });
 * result.years[0]?.gapPence; // 13500000 (a £135,000 shortfall)
 */
export function planFunding(plan: FundingPlanInput): FundingPlanResult;
/** Works out a plan read from a file or a request, validating it first (see the overload above). */
export function planFunding(plan: unknown): FundingPlanResult;
export function planFunding(plan: unknown): FundingPlanResult {
  const parsed = FundingPlanSchema.safeParse(plan);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new FundingInputError(
      "invalid_plan",
      `The funding plan is not valid:\n${issues.map((issue) => `- ${issue}`).join("\n")}`,
      { issues, cause: parsed.error },
    );
  }
  const valid = parsed.data;
  const byPartner = contributionsByPartner(valid);
  const years = valid.financialYears.map((label) => planYear(valid, label, byPartner));
  return {
    name: valid.name,
    years,
    totals: sumYears(valid, years),
    reserves: reserveTotals(valid),
    warnings: planWarnings(
      valid,
      years.map((year) => ({
        financialYear: year.financialYear,
        costPence: year.costPence,
        incomePence: year.income.totalPence,
        carryForwardOutPence: year.carryForwardOutPence,
      })),
    ),
  };
}

function amountsIn(
  rows: readonly { financialYear: string; amountPence: number }[],
  label: string,
  what: string,
): number {
  return sumPence(
    rows.filter((row) => row.financialYear === label).map((row) => row.amountPence),
    what,
  );
}

function income(parts: Omit<PlanIncome, "totalPence" | "newMoneyPence">, what: string): PlanIncome {
  const newMoneyPence = sumPence(
    [parts.contributionsPence, parts.grantsPence, parts.reserveDrawdownsPence],
    what,
  );
  return {
    ...parts,
    newMoneyPence,
    totalPence: sumPence([newMoneyPence, parts.carryForwardInPence], what),
  };
}

type Contribution = FundingPlan["contributions"][number];
const isCash = (row: Contribution) => row.kind === "cash";
const isInKind = (row: Contribution) => row.kind === "in_kind";

function gap(figures: Omit<FundingPlanFigures, "gapPence">, what: string): number {
  return toSafePence(
    BigInt(figures.costPence) +
      BigInt(figures.carryForwardOutPence) -
      BigInt(figures.income.totalPence),
    what,
  );
}

// Keys are unique within a plan (the schema checks), so each filter finds exactly one part per year.
function amountsFor<T extends { amountPence: number }>(
  parts: readonly T[],
  matches: (part: T) => boolean,
): number[] {
  return parts.filter(matches).map((part) => part.amountPence);
}

function splitCost(plan: FundingPlan, costPence: number): WorkstreamAmount[] {
  if (plan.workstreams.length === 0) return [];
  const parts = allocateByPercent(costPence, plan.workstreams);
  return plan.workstreams.map((workstream) => ({
    key: workstream.key,
    name: workstream.name,
    amountPence: sumPence(
      amountsFor(parts, (part) => part.key === workstream.key),
      `${workstream.name}'s share`,
    ),
  }));
}

// Each partner's contributions, cash and in kind, picked out once: filtering every contribution for
// each year and partner was most of a 20-year, 50-partner plan's time (two million callbacks).
interface PartnerContributions {
  readonly partner: FundingPlan["partners"][number];
  readonly cash: Contribution[];
  readonly inKind: Contribution[];
}

function contributionsByPartner(plan: FundingPlan): PartnerContributions[] {
  return plan.partners.map((partner) => {
    const rows = plan.contributions.filter((row) => row.partner === partner.key);
    return { partner, cash: rows.filter(isCash), inKind: rows.filter(isInKind) };
  });
}

function planYear(
  plan: FundingPlan,
  label: FinancialYearLabel,
  byPartner: readonly PartnerContributions[],
): FundingPlanYear {
  const costPence = amountsIn(plan.costs, label, `The cost in ${label}`);
  const yearIncome = income(
    {
      contributionsPence: amountsIn(
        plan.contributions.filter(isCash),
        label,
        `Contributions in ${label}`,
      ),
      grantsPence: amountsIn(plan.grants, label, `Grants in ${label}`),
      reserveDrawdownsPence: amountsIn(
        plan.reserveDrawdowns,
        label,
        `Reserve drawdowns in ${label}`,
      ),
      carryForwardInPence: sumPence(
        plan.carryForwards.filter((carry) => carry.to === label).map((carry) => carry.amountPence),
        `Carry-forwards into ${label}`,
      ),
    },
    `The income in ${label}`,
  );
  const figures = {
    costPence,
    workstreams: splitCost(plan, costPence),
    income: yearIncome,
    inKindPence: amountsIn(
      plan.contributions.filter(isInKind),
      label,
      `Contributions in kind in ${label}`,
    ),
    workstreamCosts: workstreamCostsIn(plan, label),
    contributionsByPartner: byPartner.map(({ partner, cash, inKind }) => ({
      partner: partner.key,
      name: partner.name,
      amountPence: amountsIn(cash, label, `${partner.name}'s contributions in ${label}`),
      inKindPence: amountsIn(inKind, label, `${partner.name}'s contributions in kind in ${label}`),
    })),
    carryForwardOutPence: sumPence(
      plan.carryForwards.filter((carry) => carry.from === label).map((carry) => carry.amountPence),
      `Carry-forwards out of ${label}`,
    ),
  };
  return { financialYear: label, ...figures, gapPence: gap(figures, `The gap in ${label}`) };
}

function sumYears(plan: FundingPlan, years: readonly FundingPlanYear[]): FundingPlanFigures {
  const total = (pick: (year: FundingPlanYear) => number, what: string): number =>
    sumPence(years.map(pick), what);
  const figures = {
    costPence: total((year) => year.costPence, "The total cost"),
    // Summing each year's split, rather than splitting the total, keeps the totals equal to the years' sums.
    workstreams: plan.workstreams.map((workstream) => ({
      key: workstream.key,
      name: workstream.name,
      amountPence: sumPence(
        years.flatMap((year) =>
          amountsFor(year.workstreams, (part) => part.key === workstream.key),
        ),
        `The total for ${workstream.name}`,
      ),
    })),
    income: income(
      {
        contributionsPence: total((year) => year.income.contributionsPence, "Total contributions"),
        grantsPence: total((year) => year.income.grantsPence, "Total grants"),
        reserveDrawdownsPence: total(
          (year) => year.income.reserveDrawdownsPence,
          "Total reserve drawdowns",
        ),
        carryForwardInPence: total(
          (year) => year.income.carryForwardInPence,
          "Total carry-forwards in",
        ),
      },
      "The total income",
    ),
    inKindPence: total((year) => year.inKindPence, "Total contributions in kind"),
    workstreamCosts: workstreamCostsIn(plan),
    contributionsByPartner: plan.partners.map((partner) => {
      const parts = years.flatMap((year) =>
        year.contributionsByPartner.filter((part) => part.partner === partner.key),
      );
      return {
        partner: partner.key,
        name: partner.name,
        amountPence: sumPence(
          parts.map((part) => part.amountPence),
          `${partner.name}'s total contributions`,
        ),
        inKindPence: sumPence(
          parts.map((part) => part.inKindPence),
          `${partner.name}'s total contributions in kind`,
        ),
      };
    }),
    carryForwardOutPence: total((year) => year.carryForwardOutPence, "Total carry-forwards out"),
  };
  return { ...figures, gapPence: gap(figures, "The total gap") };
}

function reserveTotals(plan: FundingPlan): ReserveTotal[] {
  const names = [...new Set(plan.reserveDrawdowns.map((drawdown) => drawdown.reserve))];
  return names.map((reserve) => {
    const drawdowns = plan.reserveDrawdowns.filter((drawdown) => drawdown.reserve === reserve);
    return {
      reserve,
      totalPence: sumPence(
        drawdowns.map((drawdown) => drawdown.amountPence),
        `Drawdowns from ${reserve}`,
      ),
      byYear: plan.financialYears.map((label) => ({
        financialYear: label,
        amountPence: amountsIn(drawdowns, label, `Drawdowns from ${reserve} in ${label}`),
      })),
    };
  });
}
