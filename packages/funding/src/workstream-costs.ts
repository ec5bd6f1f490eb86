import type { FinancialYearLabel, FundingPlan } from "@dapkit/schemas";

import { sumPence, toSafePence } from "./exact-arithmetic";

/**
 * Where a workstream's spend figure comes from: the year's closed accounts (outturn) or the
 * latest forecast while the year runs.
 *
 * @example
 * const basis: SpendBasis = "outturn";
 */
export type SpendBasis = "outturn" | "forecast";

/**
 * A workstream's budget against what it is forecast to cost or cost (outturn), in one year or over
 * the plan. Variance is budget − spend: positive is an underspend, negative an overspend.
 *
 * @example
 * const cost: WorkstreamCost = {
 *   key: "perpetrators",
 *   name: "Perpetrators",
 *   budgetPence: 15025500,
 *   forecastPence: 1252100,
 *   outturnPence: null,
 *   spendPence: 1252100,
 *   basis: "forecast",
 *   variancePence: 13773400,
 * };
 */
export interface WorkstreamCost {
  readonly key: string;
  readonly name: string;
  readonly budgetPence: number;
  readonly forecastPence: number | null;
  readonly outturnPence: number | null;
  /** The outturn when known, else the forecast; `null` when neither is known yet. */
  readonly spendPence: number | null;
  /** Which figure `spendPence` is; over several years, "forecast" if any year's is a forecast. */
  readonly basis: SpendBasis | null;
  /** Budget − spend for the lines whose spend is known; `null` when none is. */
  readonly variancePence: number | null;
}

type CostLine = FundingPlan["workstreamCosts"][number];

function costOf(
  workstream: { key: string; name: string },
  lines: readonly CostLine[],
  what: string,
): WorkstreamCost {
  const { key, name } = workstream;
  const known = lines.flatMap((line) => {
    const spend = line.outturnPence ?? line.forecastPence;
    return spend === undefined ? [] : [{ line, spend }];
  });
  const optionalSum = (values: readonly (number | undefined)[], part: string) => {
    const given = values.filter((value) => value !== undefined);
    return given.length === 0 ? null : sumPence(given, `${what}: ${part}`);
  };
  const spendPence =
    known.length === 0
      ? null
      : sumPence(
          known.map((k) => k.spend),
          `${what}: spend`,
        );
  const knownBudget = sumPence(
    known.map((k) => k.line.budgetPence),
    `${what}: budget with a known spend`,
  );
  return {
    key,
    name,
    budgetPence: sumPence(
      lines.map((line) => line.budgetPence),
      `${what}: budget`,
    ),
    forecastPence: optionalSum(
      lines.map((line) => line.forecastPence),
      "forecast",
    ),
    outturnPence: optionalSum(
      lines.map((line) => line.outturnPence),
      "outturn",
    ),
    spendPence,
    basis:
      known.length === 0
        ? null
        : known.every((k) => k.line.outturnPence !== undefined)
          ? "outturn"
          : "forecast",
    variancePence:
      spendPence == null
        ? null
        : toSafePence(BigInt(knownBudget) - BigInt(spendPence), `${what}: variance`),
  };
}

/**
 * Each workstream's budget against forecast or outturn, in one financial year or (without a year)
 * over the whole plan, for the workstreams that have a cost line (internal).
 *
 * @example
 * workstreamCostsIn(plan, "2014/15"); // [{ key: "perpetrators", budgetPence: 15025500, … }]
 */
export function workstreamCostsIn(plan: FundingPlan, label?: FinancialYearLabel): WorkstreamCost[] {
  return plan.workstreams.flatMap((workstream) => {
    const lines = plan.workstreamCosts.filter(
      (line) =>
        line.workstream === workstream.key && (label === undefined || line.financialYear === label),
    );
    if (lines.length === 0) return [];
    const what = `${workstream.name}${label === undefined ? " over the plan" : ` in ${label}`}`;
    return [costOf(workstream, lines, what)];
  });
}
