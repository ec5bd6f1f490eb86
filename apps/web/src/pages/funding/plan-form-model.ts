import {
  formatMoney,
  FundingInputError,
  parseFinancialYear,
  parseMoney,
  SECTOR_LABELS,
} from "@dapkit/funding";
import { FundingPlanSchema, type FundingPlan, type FundingPlanInput } from "@dapkit/schemas";

import type { FieldError } from "../../lib/api-errors";

/** One partner's row of the form. */
export interface PartnerRow {
  key: string;
  name: string;
  sector: string;
  endDate: string;
  /** Per plan year, in pounds as typed. */
  cash: string[];
  inKind: string[];
}

/** One workstream's row: its percentage of each year's cost, and its budget and spend per year. */
export interface WorkstreamRow {
  key: string;
  name: string;
  percent: string;
  budget: string[];
  forecast: string[];
  outturn: string[];
}

export interface GrantRow {
  name: string;
  year: string;
  amount: string;
  endDate: string;
}

export interface DrawdownRow {
  reserve: string;
  year: string;
  amount: string;
}

export interface CarryRow {
  from: string;
  to: string;
  amount: string;
}

/** The plan form: every input as typed, lists of rows, and one amount per plan year. */
export interface PlanForm {
  name: string;
  firstYear: string;
  yearCount: string;
  costs: string[];
  partners: PartnerRow[];
  workstreams: WorkstreamRow[];
  grants: GrantRow[];
  drawdowns: DrawdownRow[];
  carryForwards: CarryRow[];
}

export const MAX_YEARS = 10;
export const SECTOR_OPTIONS = [
  { value: "", text: "Not set" },
  ...Object.entries(SECTOR_LABELS).map(([value, text]) => ({ value, text })),
];

/** The plan's financial years from the first year and the count, or null when they cannot be read. */
export function yearsOf(form: Pick<PlanForm, "firstYear" | "yearCount">): string[] | null {
  try {
    const first = parseFinancialYear(form.firstYear.trim());
    const count = Number(form.yearCount);
    if (!Number.isInteger(count) || count < 1 || count > MAX_YEARS) return null;
    return Array.from({ length: count }, (_, i) => {
      const start = first.startYear + i;
      return `${String(start)}/${String((start + 1) % 100).padStart(2, "0")}`;
    });
  } catch (error) {
    if (error instanceof FundingInputError) return null;
    throw error;
  }
}

const blanks = (count: number) => Array.from({ length: count }, () => "");

/** Pence as the form shows them: "£20,000" or "" for nothing. */
function moneyText(pence: number | undefined): string {
  return pence === undefined
    ? ""
    : formatMoney(pence, { style: pence % 100 === 0 ? "pounds" : "exact" });
}

/** A row for a new partner or workstream in a plan of `years` years. */
export function newPartner(years: number): PartnerRow {
  return { key: "", name: "", sector: "", endDate: "", cash: blanks(years), inKind: blanks(years) };
}
export function newWorkstream(years: number): WorkstreamRow {
  return {
    key: "",
    name: "",
    percent: "",
    budget: blanks(years),
    forecast: blanks(years),
    outturn: blanks(years),
  };
}

/** A form for a new plan: one year, nothing entered. */
export function emptyForm(): PlanForm {
  return {
    name: "",
    firstYear: "",
    yearCount: "1",
    costs: [""],
    partners: [newPartner(1)],
    workstreams: [],
    grants: [],
    drawdowns: [],
    carryForwards: [],
  };
}

/** Resizes every per-year list when the number of years changes, keeping what was typed. */
export function withYearCount(form: PlanForm, count: number): PlanForm {
  const fit = (list: string[]) => [...list.slice(0, count), ...blanks(count - list.length)];
  return {
    ...form,
    yearCount: String(count),
    costs: fit(form.costs),
    partners: form.partners.map((p) => ({ ...p, cash: fit(p.cash), inKind: fit(p.inKind) })),
    workstreams: form.workstreams.map((w) => ({
      ...w,
      budget: fit(w.budget),
      forecast: fit(w.forecast),
      outturn: fit(w.outturn),
    })),
  };
}

/** A stored plan as the form shows it. */
export function formOf(name: string, plan: FundingPlan): PlanForm {
  const years = plan.financialYears;
  const perYear = (pick: (year: string) => number | undefined) =>
    years.map((year) => moneyText(pick(year)));
  const sum = (rows: { amountPence: number }[]) =>
    rows.length === 0 ? undefined : rows.reduce((total, row) => total + row.amountPence, 0);
  return {
    name,
    firstYear: years[0] ?? "",
    yearCount: String(years.length),
    costs: perYear((year) => sum(plan.costs.filter((c) => c.financialYear === year))),
    partners: plan.partners.map((partner) => {
      const given = (kind: string, year: string) =>
        sum(
          plan.contributions.filter(
            (c) => c.partner === partner.key && c.financialYear === year && c.kind === kind,
          ),
        );
      return {
        key: partner.key,
        name: partner.name,
        sector: partner.sector ?? "",
        endDate: partner.endDate ?? "",
        cash: perYear((year) => given("cash", year)),
        inKind: perYear((year) => given("in_kind", year)),
      };
    }),
    workstreams: plan.workstreams.map((workstream) => {
      const line = (year: string) =>
        plan.workstreamCosts.find(
          (c) => c.workstream === workstream.key && c.financialYear === year,
        );
      return {
        key: workstream.key,
        name: workstream.name,
        percent: String(workstream.percent),
        budget: perYear((year) => line(year)?.budgetPence),
        forecast: perYear((year) => line(year)?.forecastPence),
        outturn: perYear((year) => line(year)?.outturnPence),
      };
    }),
    grants: plan.grants.map((grant) => ({
      name: grant.name,
      year: grant.financialYear,
      amount: moneyText(grant.amountPence),
      endDate: grant.endDate ?? "",
    })),
    drawdowns: plan.reserveDrawdowns.map((drawdown) => ({
      reserve: drawdown.reserve,
      year: drawdown.financialYear,
      amount: moneyText(drawdown.amountPence),
    })),
    carryForwards: plan.carryForwards.map((carry) => ({
      from: carry.from,
      to: carry.to,
      amount: moneyText(carry.amountPence),
    })),
  };
}

// A key for a partner or workstream: kept once made, so stored contributions stay linked.
function keyFor(row: { key: string; name: string }, index: number, prefix: string): string {
  const { key: existing, name } = row;
  if (existing !== "") return existing;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${slug === "" ? prefix : slug}-${String(index + 1)}`;
}

/** Where each part of the built plan came from in the form: its input's id and words for it. */
interface Origin {
  field: string;
  label: string;
}

/**
 * The form as the plan the server stores, with every amount read as money, and where each part
 * of the plan came from, so that a schema problem at `contributions.3.amountPence` is shown at
 * "Oxford City Council's 2018/19 cash contribution". Problems reading what was typed (money that
 * is not money, years that are not years) come back as field errors.
 */
export function planOf(form: PlanForm): {
  plan: FundingPlanInput;
  origins: Map<string, Origin>;
  problems: FieldError[];
} {
  const problems: FieldError[] = [];
  const origins = new Map<string, Origin>();
  const years = yearsOf(form) ?? [];
  if (yearsOf(form) == null) {
    problems.push({
      field: "firstYear",
      message: "Enter the first financial year like 2018/19, and up to 10 years",
    });
  }
  const money = (text: string, field: string, label: string): number | null => {
    if (text.trim() === "") return null;
    try {
      return parseMoney(text);
    } catch (error) {
      if (!(error instanceof FundingInputError)) throw error;
      problems.push({ field, message: `${label} must be an amount in pounds, like £20,000` });
      return null;
    }
  };
  const remember = (path: (string | number)[], origin: Origin) => {
    origins.set(path.join("."), origin);
  };
  const plan = {
    name: form.name.trim(),
    financialYears: years,
    partners: [] as NonNullable<FundingPlanInput["partners"]>,
    workstreams: [] as NonNullable<FundingPlanInput["workstreams"]>,
    costs: [] as NonNullable<FundingPlanInput["costs"]>,
    contributions: [] as NonNullable<FundingPlanInput["contributions"]>,
    grants: [] as NonNullable<FundingPlanInput["grants"]>,
    reserveDrawdowns: [] as NonNullable<FundingPlanInput["reserveDrawdowns"]>,
    carryForwards: [] as NonNullable<FundingPlanInput["carryForwards"]>,
    workstreamCosts: [] as NonNullable<FundingPlanInput["workstreamCosts"]>,
  };
  remember(["name"], { field: "name", label: "The plan's name" });
  years.forEach((year, y) => {
    const field = `cost-${String(y)}`;
    const label = `The ${year} cost`;
    const amountPence = money(form.costs[y] ?? "", field, label);
    if (amountPence == null) return;
    remember(["costs", plan.costs.length], { field, label });
    plan.costs.push({ financialYear: year, amountPence });
  });
  form.partners.forEach((row, p) => {
    const who = row.name.trim() === "" ? `Partner ${String(p + 1)}` : row.name.trim();
    const key = keyFor(row, p, "partner");
    remember(["partners", p], { field: `partner-${String(p)}-name`, label: `${who}'s name` });
    remember(["partners", p, "name"], {
      field: `partner-${String(p)}-name`,
      label: `${who}'s name`,
    });
    remember(["partners", p, "endDate"], {
      field: `partner-${String(p)}-endDate`,
      label: `${who}'s end date`,
    });
    plan.partners.push({
      key,
      name: row.name.trim(),
      ...(row.sector === "" ? {} : { sector: row.sector as never }),
      ...(row.endDate.trim() === "" ? {} : { endDate: row.endDate.trim() }),
    });
    years.forEach((year, y) => {
      for (const kind of ["cash", "in_kind"] as const) {
        const field = `partner-${String(p)}-${kind === "cash" ? "cash" : "inKind"}-${String(y)}`;
        const label = `${who}'s ${year} ${kind === "cash" ? "cash contribution" : "contribution in kind"}`;
        const text = (kind === "cash" ? row.cash : row.inKind)[y] ?? "";
        const amountPence = money(text, field, label);
        if (amountPence == null) continue;
        remember(["contributions", plan.contributions.length], { field, label });
        plan.contributions.push({ partner: key, financialYear: year, amountPence, kind });
      }
    });
  });
  form.workstreams.forEach((row, w) => {
    const what = row.name.trim() === "" ? `Workstream ${String(w + 1)}` : row.name.trim();
    const key = keyFor(row, w, "workstream");
    const percentField = `workstream-${String(w)}-percent`;
    remember(["workstreams", w, "name"], {
      field: `workstream-${String(w)}-name`,
      label: `${what}'s name`,
    });
    remember(["workstreams", w, "percent"], {
      field: percentField,
      label: `${what}'s share of the cost`,
    });
    remember(["workstreams"], { field: percentField, label: "The workstreams'" });
    const percent = Number(row.percent.replace(/%$/, "").trim());
    if (row.percent.trim() === "" || !Number.isFinite(percent)) {
      problems.push({
        field: percentField,
        message: `Enter ${what}'s share of the cost as a percentage, like 17`,
      });
    }
    plan.workstreams.push({ key, name: row.name.trim(), percent });
    years.forEach((year, y) => {
      const at = (part: string) => `workstream-${String(w)}-${part}-${String(y)}`;
      const budget = money(row.budget[y] ?? "", at("budget"), `${what}'s ${year} budget`);
      const forecast = money(row.forecast[y] ?? "", at("forecast"), `${what}'s ${year} forecast`);
      const outturn = money(row.outturn[y] ?? "", at("outturn"), `${what}'s ${year} outturn`);
      if (budget == null) {
        if (forecast != null || outturn != null) {
          problems.push({
            field: at("budget"),
            message: `Enter ${what}'s ${year} budget, as it has a spend`,
          });
        }
        return;
      }
      remember(["workstreamCosts", plan.workstreamCosts.length], {
        field: at("budget"),
        label: `${what}'s ${year} budget`,
      });
      plan.workstreamCosts.push({
        workstream: key,
        financialYear: year,
        budgetPence: budget,
        ...(forecast == null ? {} : { forecastPence: forecast }),
        ...(outturn == null ? {} : { outturnPence: outturn }),
      });
    });
  });
  form.grants.forEach((row, g) => {
    const what = row.name.trim() === "" ? `Grant ${String(g + 1)}` : row.name.trim();
    const field = (part: string) => `grant-${String(g)}-${part}`;
    const amountPence = money(row.amount, field("amount"), `${what}'s amount`) ?? 0;
    for (const [part, label] of [
      ["name", `${what}'s name`],
      ["financialYear", `${what}'s financial year`],
      ["amountPence", `${what}'s amount`],
      ["endDate", `${what}'s end date`],
    ] as const) {
      const input = {
        name: "name",
        financialYear: "year",
        amountPence: "amount",
        endDate: "endDate",
      }[part];
      remember(["grants", g, part], { field: field(input), label });
    }
    plan.grants.push({
      name: row.name.trim(),
      financialYear: row.year,
      amountPence,
      ...(row.endDate.trim() === "" ? {} : { endDate: row.endDate.trim() }),
    });
  });
  form.drawdowns.forEach((row, d) => {
    const what =
      row.reserve.trim() === ""
        ? `Drawdown ${String(d + 1)}`
        : `The drawdown from ${row.reserve.trim()}`;
    const field = (part: string) => `drawdown-${String(d)}-${part}`;
    const amountPence = money(row.amount, field("amount"), `${what}'s amount`) ?? 0;
    remember(["reserveDrawdowns", d, "reserve"], {
      field: field("reserve"),
      label: `${what}'s reserve`,
    });
    remember(["reserveDrawdowns", d, "financialYear"], {
      field: field("year"),
      label: `${what}'s year`,
    });
    remember(["reserveDrawdowns", d, "amountPence"], {
      field: field("amount"),
      label: `${what}'s amount`,
    });
    plan.reserveDrawdowns.push({
      reserve: row.reserve.trim(),
      financialYear: row.year,
      amountPence,
    });
  });
  form.carryForwards.forEach((row, c) => {
    const what = `Carry-forward ${String(c + 1)}`;
    const field = (part: string) => `carry-${String(c)}-${part}`;
    const amountPence = money(row.amount, field("amount"), `${what}'s amount`) ?? 0;
    remember(["carryForwards", c, "from"], { field: field("from"), label: `${what}'s year from` });
    remember(["carryForwards", c, "to"], { field: field("to"), label: `${what}'s year to` });
    remember(["carryForwards", c, "amountPence"], {
      field: field("amount"),
      label: `${what}'s amount`,
    });
    plan.carryForwards.push({ from: row.from, to: row.to, amountPence });
  });
  return { plan, origins, problems };
}

/**
 * Checks the form with the shared plan schema (the one the server checks with) and gives each
 * problem at the input it came from, in words: "Oxford City Council's 2018/19 cash contribution
 * must not be negative". Problems with no input of their own go to the plan's name.
 */
export function formProblems(form: PlanForm): { plan: FundingPlanInput; problems: FieldError[] } {
  const { plan, origins, problems } = planOf(form);
  const result = FundingPlanSchema.safeParse(plan);
  if (result.success) return { plan, problems };
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    // The nearest part of the path the form knows, so contributions.3.amountPence finds contributions.3.
    let origin: Origin | undefined;
    for (let length = path.length; length > 0 && origin === undefined; length -= 1) {
      origin = origins.get(path.slice(0, length).join("."));
    }
    const found = origin ?? { field: "name", label: "The plan" };
    problems.push({ field: found.field, message: `${found.label} ${issue.message}` });
  }
  return { plan, problems };
}
