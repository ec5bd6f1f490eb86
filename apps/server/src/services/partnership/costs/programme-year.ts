import { and, asc, eq, isNull } from "drizzle-orm";

import type { ProgrammeYearOutput, SharingBasis } from "@dapkit/contract";
import { costPerVictim, financialYearOf, pence, planFunding } from "@dapkit/funding";
import { FundingPlanSchema, type FundingPlan } from "@dapkit/schemas";

import type { Queryable } from "../../../db/client";
import {
  agencies,
  fundingPlans,
  programmeCostPercentages,
  programmeCostYears,
} from "../../../db/schema";
import { AppError } from "../../../errors";
import { actorOf } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import type { Scope } from "../../scope";
import { agencyActivity, financialYearDays } from "./agency-activity";
import { costLinesOf } from "./cost-lines";
import { shareCosts } from "./cost-shares";

/** A year's sharing basis and funding link as chosen. */
export interface ProgrammeYearChoice {
  financialYearStart: number;
  basis: SharingBasis;
  percentages: { agencyId: string; percent: number }[];
  fundingPlanId: string | null;
  workstreamKey: string | null;
}

function yearKey(organisationId: string, financialYearStart: number) {
  return and(
    eq(programmeCostYears.organisationId, organisationId),
    eq(programmeCostYears.financialYearStart, financialYearStart),
  );
}

function storedPlan(db: Queryable, organisationId: string, id: string) {
  const row = db
    .select({ id: fundingPlans.id, name: fundingPlans.name, plan: fundingPlans.plan })
    .from(fundingPlans)
    .where(and(eq(fundingPlans.organisationId, organisationId), eq(fundingPlans.id, id)))
    .get();
  return row === undefined ? undefined : { ...row, plan: FundingPlanSchema.parse(row.plan) };
}

// The workstream's budget for the year: its cost line when the plan has one, otherwise its
// percentage share of the year's cost; null when the plan does not cover the year.
function workstreamBudget(plan: FundingPlan, key: string, label: string): number | null {
  const year = planFunding(plan).years.find((row) => row.financialYear === label);
  if (year === undefined) return null;
  const line = year.workstreamCosts.find((row) => row.key === key);
  return line?.budgetPence ?? year.workstreams.find((row) => row.key === key)?.amountPence ?? null;
}

function agreedPercentages(db: Queryable, organisationId: string, financialYearStart: number) {
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      basisPoints: programmeCostPercentages.basisPoints,
    })
    .from(programmeCostPercentages)
    .innerJoin(
      agencies,
      and(
        eq(agencies.organisationId, programmeCostPercentages.organisationId),
        eq(agencies.id, programmeCostPercentages.agencyId),
      ),
    )
    .where(
      and(
        eq(programmeCostPercentages.organisationId, organisationId),
        eq(programmeCostPercentages.financialYearStart, financialYearStart),
      ),
    )
    .orderBy(asc(agencies.name))
    .all();
}

/**
 * A financial year's programme: its cost lines and total, each member agency's share on the
 * year's basis (adding up exactly to the total), the linked workstream's budget against the
 * spend, and the cost per attendee. An agency lead sees their own agency's share only.
 */
export function readProgrammeYear(
  db: Queryable,
  scope: Pick<Scope, "user">,
  financialYearStart: number,
): ProgrammeYearOutput {
  const { organisationId } = scope.user;
  const financialYear = financialYearOf(`${String(financialYearStart)}-04-01`).label;
  const choice = db
    .select()
    .from(programmeCostYears)
    .where(yearKey(organisationId, financialYearStart))
    .get();
  const lines = costLinesOf(db, organisationId, financialYearStart);
  const totalPence = lines.reduce((sum, line) => sum + line.amountPence, 0);
  const activity = agencyActivity(db, organisationId, financialYearDays(financialYearStart));
  const attendees = [...activity.values()].reduce((sum, row) => sum + row.attendees, 0);
  const members = db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      and(
        eq(agencies.organisationId, organisationId),
        eq(agencies.member, true),
        isNull(agencies.archivedAt),
      ),
    )
    .orderBy(asc(agencies.name))
    .all();
  const basis = choice?.basis ?? "equal";
  const { shares, problem } = shareCosts({
    totalPence,
    basis,
    members,
    agreed: agreedPercentages(db, organisationId, financialYearStart),
    activity,
    financialYear,
  });
  const linked =
    choice?.fundingPlanId == null
      ? undefined
      : storedPlan(db, organisationId, choice.fundingPlanId);
  const workstream = linked?.plan.workstreams.find((row) => row.key === choice?.workstreamKey);
  const budgetPence =
    linked === undefined || workstream === undefined
      ? null
      : workstreamBudget(linked.plan, workstream.key, financialYear);
  const { user } = scope;
  return {
    financialYearStart,
    financialYear,
    basis,
    lines,
    totalPence,
    shares:
      user.role === "agency_lead" ? shares.filter((row) => row.agencyId === user.agencyId) : shares,
    sharesProblem: problem,
    attendees,
    costPerAttendeePence: attendees === 0 ? null : costPerVictim(pence(totalPence), attendees),
    fundingPlan: linked === undefined ? null : { id: linked.id, name: linked.name },
    workstream: workstream === undefined ? null : { key: workstream.key, name: workstream.name },
    budget:
      budgetPence == null
        ? null
        : { budgetPence, spendPence: totalPence, remainingPence: budgetPence - totalPence },
  };
}

function checkChoice(db: Queryable, organisationId: string, input: ProgrammeYearChoice): void {
  if (input.fundingPlanId != null) {
    const plan = storedPlan(db, organisationId, input.fundingPlanId);
    if (plan === undefined) {
      throw new AppError("bad_request", "Choose one of your funding plans", {
        field: "fundingPlanId",
      });
    }
    if (!plan.plan.workstreams.some((row) => row.key === input.workstreamKey)) {
      throw new AppError("bad_request", `Choose one of the workstreams of ${plan.name}`, {
        field: "workstreamKey",
      });
    }
  }
  if (input.basis !== "agreed_percentages") return;
  const known = new Set(
    db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.organisationId, organisationId))
      .all()
      .map((row) => row.id),
  );
  if (!input.percentages.every((row) => known.has(row.agencyId))) {
    throw new AppError("bad_request", "Give percentages for your own partnership's agencies", {
      field: "percentages",
    });
  }
}

/**
 * Chooses how a year's programme costs are shared (replacing any agreed percentages) and which
 * funding plan's workstream budgets them; audited with the year's figures before and after.
 */
export function setProgrammeYear(scope: Scope, input: ProgrammeYearChoice): ProgrammeYearOutput {
  const { db, user, now } = scope;
  const { organisationId } = user;
  const { financialYearStart } = input;
  return db.transaction((tx) => {
    checkChoice(tx, organisationId, input);
    const before = readProgrammeYear(tx, scope, financialYearStart);
    const values = {
      basis: input.basis,
      fundingPlanId: input.fundingPlanId,
      workstreamKey: input.workstreamKey,
      updatedAt: now.toISOString(),
      updatedBy: user.id,
    };
    tx.insert(programmeCostYears)
      .values({ organisationId, financialYearStart, ...values })
      .onConflictDoUpdate({
        target: [programmeCostYears.organisationId, programmeCostYears.financialYearStart],
        set: values,
      })
      .run();
    tx.delete(programmeCostPercentages)
      .where(
        and(
          eq(programmeCostPercentages.organisationId, organisationId),
          eq(programmeCostPercentages.financialYearStart, financialYearStart),
        ),
      )
      .run();
    const agreed = input.basis === "agreed_percentages" ? input.percentages : [];
    if (agreed.length > 0) {
      tx.insert(programmeCostPercentages)
        .values(
          agreed.map((row) => ({
            organisationId,
            financialYearStart,
            agencyId: row.agencyId,
            basisPoints: Math.round(row.percent * 100),
          })),
        )
        .run();
    }
    const after = readProgrammeYear(tx, scope, financialYearStart);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "programme_cost_year",
      entityId: String(financialYearStart),
      before: { basis: before.basis, shares: before.shares, fundingPlan: before.fundingPlan },
      after: { basis: after.basis, shares: after.shares, fundingPlan: after.fundingPlan },
    });
    return after;
  });
}

/** The organisation's funding plans and their workstreams, by name, to link a year's costs to. */
export function programmeFundingChoices(scope: Scope) {
  return scope.db
    .select({ id: fundingPlans.id, name: fundingPlans.name, plan: fundingPlans.plan })
    .from(fundingPlans)
    .where(eq(fundingPlans.organisationId, scope.user.organisationId))
    .orderBy(asc(fundingPlans.name))
    .all()
    .map((row) => ({
      id: row.id,
      name: row.name,
      workstreams: FundingPlanSchema.parse(row.plan).workstreams.map(({ key, name }) => ({
        key,
        name,
      })),
    }));
}
