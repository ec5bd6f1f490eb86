import { FundingInputError } from "./errors";
import { toSafePence } from "./exact-arithmetic";
import { requireList, requireObject, requirePence } from "./input-checks";

/**
 * The figures of a year (or a plan's totals) that a comparison reads: a `planFunding` result's
 * years and totals have them, as does the same result sent over an API.
 *
 * @example
 * const figures: ComparableFigures = planFunding(plan).totals;
 */
export interface ComparableFigures {
  readonly costPence: number;
  readonly income: {
    readonly contributionsPence: number;
    readonly grantsPence: number;
    readonly reserveDrawdownsPence: number;
    readonly carryForwardInPence: number;
    readonly newMoneyPence: number;
  };
  readonly inKindPence: number;
  readonly carryForwardOutPence: number;
  readonly gapPence: number;
  readonly contributionsByPartner: readonly {
    readonly partner: string;
    readonly name: string;
    readonly amountPence: number;
  }[];
}

/**
 * A plan's results as a comparison reads them: figures per financial year and in total.
 *
 * @example
 * const result: ComparablePlan = planFunding(plan);
 */
export interface ComparablePlan {
  readonly years: readonly (ComparableFigures & { readonly financialYear: string })[];
  readonly totals: ComparableFigures;
}

/**
 * One line of a comparison: a figure in each version (`null` where a version does not have the
 * year or the partner) and after − before, counting a missing figure as nothing.
 *
 * @example
 * const line: ComparedLine = {
 *   key: "partner:pcc",
 *   label: "Police and Crime Commissioner",
 *   beforePence: 5000000,
 *   afterPence: null,
 *   differencePence: -5000000,
 * };
 */
export interface ComparedLine {
  /** "cost", "contributions", "partner:<key>", "grants", "reserveDrawdowns", "carryForwardIn", "carryForwardOut", "newMoney", "inKind" or "gap". */
  readonly key: string;
  readonly label: string;
  readonly beforePence: number | null;
  readonly afterPence: number | null;
  readonly differencePence: number;
}

/**
 * The lines of one financial year, or of the totals (`financialYear` null), in a fixed order.
 *
 * @example
 * const year: ComparedYear = { financialYear: "2018/19", lines: [], changed: false };
 */
export interface ComparedYear {
  readonly financialYear: string | null;
  readonly lines: ComparedLine[];
  /** True when any line differs. */
  readonly changed: boolean;
}

/**
 * Each figure of a comparison in words.
 *
 * @example
 * COMPARED_LINE_LABELS.newMoney; // "Money in (without carry-forwards)"
 */
export const COMPARED_LINE_LABELS = {
  cost: "Cost",
  contributions: "Partner contributions (cash)",
  grants: "Grants",
  reserveDrawdowns: "Reserve drawdowns",
  newMoney: "Money in (without carry-forwards)",
  carryForwardIn: "Carried in from earlier years",
  carryForwardOut: "Carried out to later years",
  inKind: "Contributions in kind",
  gap: "Gap (shortfall positive)",
} as const;

type FixedLine = keyof typeof COMPARED_LINE_LABELS;

const FIXED: readonly [FixedLine, (figures: ComparableFigures) => number][] = [
  ["cost", (f) => f.costPence],
  ["contributions", (f) => f.income.contributionsPence],
  ["grants", (f) => f.income.grantsPence],
  ["reserveDrawdowns", (f) => f.income.reserveDrawdownsPence],
  ["newMoney", (f) => f.income.newMoneyPence],
  ["carryForwardIn", (f) => f.income.carryForwardInPence],
  ["carryForwardOut", (f) => f.carryForwardOutPence],
  ["inKind", (f) => f.inKindPence],
  ["gap", (f) => f.gapPence],
];

function line(
  { key, label }: { key: string; label: string },
  before: number | null,
  after: number | null,
): ComparedLine {
  return {
    key,
    label,
    beforePence: before,
    afterPence: after,
    differencePence: toSafePence(
      BigInt(after ?? 0) - BigInt(before ?? 0),
      `The change in ${label}`,
    ),
  };
}

function compareFigures(
  financialYear: string | null,
  before: ComparableFigures | undefined,
  after: ComparableFigures | undefined,
): ComparedYear {
  const fixed = FIXED.map(([key, read]) =>
    line(
      { key, label: COMPARED_LINE_LABELS[key] },
      before === undefined ? null : read(before),
      after === undefined ? null : read(after),
    ),
  );
  // Partners in the order of the earlier version, then any the later one added.
  const partners = new Map<string, string>();
  for (const part of [
    ...(before?.contributionsByPartner ?? []),
    ...(after?.contributionsByPartner ?? []),
  ]) {
    if (!partners.has(part.partner)) partners.set(part.partner, part.name);
  }
  const amountOf = (figures: ComparableFigures | undefined, key: string) =>
    figures?.contributionsByPartner.find((part) => part.partner === key)?.amountPence ?? null;
  const byPartner = [...partners].map(([key, name]) =>
    line({ key: `partner:${key}`, label: name }, amountOf(before, key), amountOf(after, key)),
  );
  // Each partner's line sits under the contributions it makes up.
  const lines = [...fixed.slice(0, 2), ...byPartner, ...fixed.slice(2)];
  return {
    financialYear,
    lines,
    changed: lines.some((compared) => compared.differencePence !== 0),
  };
}

// Results usually come from planFunding, but may come over an API or from a council's own code:
// every figure read is checked first, so a wrong shape is a FundingInputError, never a crash.
function checkFigures(value: unknown, field: string): void {
  requireObject(value, field);
  const figures = value as Record<string, unknown>;
  requireObject(figures.income, `${field}.income`);
  const income = figures.income as Record<string, unknown>;
  for (const name of ["costPence", "inKindPence", "carryForwardOutPence", "gapPence"]) {
    requirePence(figures[name], `${field}.${name}`, { allowNegative: true });
  }
  for (const name of [
    "contributionsPence",
    "grantsPence",
    "reserveDrawdownsPence",
    "carryForwardInPence",
    "newMoneyPence",
  ]) {
    requirePence(income[name], `${field}.income.${name}`, { allowNegative: true });
  }
  requireList(figures.contributionsByPartner, `${field}.contributionsByPartner`).forEach(
    (part, index) => {
      const at = `${field}.contributionsByPartner[${String(index)}]`;
      requireObject(part, at);
      const { partner, name, amountPence } = part as Record<string, unknown>;
      if (typeof partner !== "string" || typeof name !== "string") {
        throw new FundingInputError("invalid_argument", `${at} must have a partner key and name`, {
          field: at,
        });
      }
      requirePence(amountPence, `${at}.amountPence`, { allowNegative: true });
    },
  );
}

function checkPlan(value: unknown, field: string): void {
  requireObject(value, field);
  const plan = value as Record<string, unknown>;
  requireList(plan.years, `${field}.years`).forEach((year, index) => {
    const at = `${field}.years[${String(index)}]`;
    checkFigures(year, at);
    if (typeof (year as Record<string, unknown>).financialYear !== "string") {
      throw new FundingInputError("invalid_argument", `${at}.financialYear must be text`, {
        field: `${at}.financialYear`,
      });
    }
  });
  checkFigures(plan.totals, `${field}.totals`);
}

/**
 * Compares two versions of a plan (a copy with a partner gone, a grant ended) year by year and in
 * total: cost, each kind of income, each partner's cash, carry-forwards and the gap, with
 * after − before for each. Years are every year either version covers, in order; a year or
 * partner one version lacks counts as nothing there, so the differences still add up to the
 * change in the totals.
 *
 * @example
 * const { years, totals } = compareFundingPlans(planFunding(current), planFunding(scenario));
 * totals.lines.find((l) => l.key === "gap")?.differencePence; // how much bigger the shortfall is
 */
export function compareFundingPlans(
  before: ComparablePlan,
  after: ComparablePlan,
): { years: ComparedYear[]; totals: ComparedYear } {
  checkPlan(before, "before");
  checkPlan(after, "after");
  const labels = [
    ...new Set([...before.years, ...after.years].map((year) => year.financialYear)),
  ].sort();
  const yearOf = (plan: ComparablePlan, label: string) =>
    plan.years.find((year) => year.financialYear === label);
  return {
    years: labels.map((label) =>
      compareFigures(label, yearOf(before, label), yearOf(after, label)),
    ),
    totals: compareFigures(null, before.totals, after.totals),
  };
}
