import { TRPCError } from "@trpc/server";
import { describe, expect, test } from "vitest";

import { auditLog, fundingPlans } from "../db/schema";
import {
  LANCASHIRE_PLAN_NAME,
  lancashirePlan,
  lancashireVarianceTables,
  lancashireYear1Table,
} from "../seed/lancashire-plan";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const lancashire = {
  name: LANCASHIRE_PLAN_NAME,
  plan: lancashirePlan,
  varianceTables: lancashireVarianceTables,
};

function createLancashire() {
  return t.app.caller(t.org.users.admin).funding.create(lancashire);
}

function fundingAudit() {
  return t.app.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.entity === "funding_plan");
}

/** The code and message of a call that must fail. */
async function refusal(pending: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const yearTwoAndThreeSplit = [7_512_245, 25_541_633, 102_166_532, 15_024_490];

describe("funding", () => {
  test("get works out the Lancashire plan year by year", async () => {
    const { id } = await createLancashire();
    const plan = await t.app.caller(t.org.users.viewer).funding.get({ id });
    expect(plan).toMatchObject({
      id,
      name: LANCASHIRE_PLAN_NAME,
      updatedBy: { id: t.org.users.admin.id, name: t.org.users.admin.name },
      plan: { financialYears: ["2013/14", "2014/15", "2015/16"] },
    });
    const [year1, year2, year3] = plan.result.years;
    // Year 1: £1,502,548 in, £1,047,003 spent, £455,000 carried on to 2015/16: £545 over.
    expect(year1).toMatchObject({
      costPence: 104_700_300,
      income: { contributionsPence: 150_254_800, totalPence: 150_254_800 },
      carryForwardOutPence: 45_500_000,
      gapPence: -54_500,
    });
    // Years 2 and 3: £1,502,449 split 5/17/68/10, met by partners, the reserve and the carry-forward.
    expect(year2).toMatchObject({
      costPence: 150_244_900,
      income: { reserveDrawdownsPence: 32_100_000, carryForwardInPence: 0 },
      gapPence: 0,
    });
    expect(year3).toMatchObject({
      costPence: 150_244_900,
      income: { reserveDrawdownsPence: 40_900_000, carryForwardInPence: 45_500_000 },
      gapPence: 0,
    });
    for (const year of [year2, year3]) {
      expect(year?.workstreams.map((part) => part.amountPence)).toEqual(yearTwoAndThreeSplit);
    }
    expect(plan.result.reserves).toEqual([
      {
        reserve: "Crime and Disorder reserve",
        totalPence: 73_000_000,
        byYear: [
          { financialYear: "2013/14", amountPence: 0 },
          { financialYear: "2014/15", amountPence: 32_100_000 },
          { financialYear: "2015/16", amountPence: 40_900_000 },
        ],
      },
    ]);
    expect(plan.result.totals).toMatchObject({ costPence: 405_190_100, gapPence: -54_500 });
  });

  test("get flags every figure the published Year 1 table gets wrong", async () => {
    const { id } = await createLancashire();
    const [check] = (await t.app.caller(t.org.users.hr).funding.get({ id })).varianceChecks;
    expect(check?.title).toBe("Year 1 (2013/14) allocation, forecast and variance");
    expect(check?.rows.map((row) => [row.key, row.variancePence, row.discrepancyPence])).toEqual([
      ["Work force and coordination", 3_756_400, -734_700],
      ["Early Support", 6_814_500, 0],
      ["Medium & High Risk Support", 21_210_300, -6_800],
      ["Perpetrators", 13_773_400, -1_000],
    ]);
    expect(check?.totals).toEqual({
      allocationPence: 150_254_800,
      forecastPence: 104_700_200,
      variancePence: 45_554_600,
    });
    expect(check?.discrepancies.map((found) => found.message)).toEqual([
      "Work force and coordination: published variance £30,217 but allocation − forecast = £37,564 (difference £7,347)",
      "Medium & High Risk Support: published variance £212,035 but allocation − forecast = £212,103 (difference £68)",
      "Perpetrators: published variance £137,724 but allocation − forecast = £137,734 (difference £10)",
      "Totals: published forecast £1,047,003 but the rows add up to £1,047,002 (difference £1)",
      "Totals: published variance £455,447 matches neither total allocation − total forecast = £455,546 (difference £99) nor the variance column's sum, £448,121",
    ]);
  });

  test("create stores the plan as entered and audits it", async () => {
    const created = await createLancashire();
    expect(created.varianceChecks).toHaveLength(1);
    const stored = t.app.db.select().from(fundingPlans).get();
    expect(stored).toMatchObject({
      organisationId: t.org.id,
      name: LANCASHIRE_PLAN_NAME,
      updatedBy: t.org.users.admin.id,
      createdAt: "2022-04-05T09:00:00.000Z",
    });
    expect(stored?.plan).toMatchObject({ costs: lancashirePlan.costs, grants: [] });
    expect(fundingAudit()).toMatchObject([
      { action: "create", entityId: created.id, userId: t.org.users.admin.id, before: null },
    ]);
  });

  test("list gives each plan's years, total cost and total gap", async () => {
    const { id } = await createLancashire();
    await expect(t.app.caller(t.org.users.accreditation_lead).funding.list()).resolves.toEqual([
      {
        id,
        name: LANCASHIRE_PLAN_NAME,
        copiedFrom: null,
        scenario: null,
        financialYears: ["2013/14", "2014/15", "2015/16"],
        totalCostPence: 405_190_100,
        totalGapPence: -54_500,
        createdAt: "2022-04-05T09:00:00.000Z",
        updatedAt: "2022-04-05T09:00:00.000Z",
      },
    ]);
    await expect(t.app.caller(t.other.users.admin).funding.list()).resolves.toEqual([]);
  });

  test("update renames and replaces parts, audited with before and after", async () => {
    const { id } = await createLancashire();
    t.app.clock.now = new Date("2022-05-01T10:00:00.000Z");
    const updated = await t.app.caller(t.org.users.admin).funding.update({
      id,
      data: { name: "Lancashire 2013–16 (revised)", varianceTables: [] },
    });
    expect(updated).toMatchObject({
      name: "Lancashire 2013–16 (revised)",
      varianceChecks: [],
      updatedAt: "2022-05-01T10:00:00.000Z",
      plan: { name: lancashirePlan.name },
    });
    const [, entry] = fundingAudit();
    expect(entry).toMatchObject({
      action: "update",
      before: { name: LANCASHIRE_PLAN_NAME },
      after: { name: "Lancashire 2013–16 (revised)", varianceTables: [] },
    });
    // Nothing to change: nothing written, nothing audited.
    await t.app.caller(t.org.users.admin).funding.update({ id, data: {} });
    expect(fundingAudit()).toHaveLength(2);
  });

  test("reading needs readFunding, changing needs manageFunding, and a signed-in user", async () => {
    const { id } = await createLancashire();
    await expect(t.app.caller(t.org.users.manager).funding.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(t.app.caller(t.org.users.manager).funding.get({ id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const role of ["hr", "accreditation_lead", "manager", "viewer"] as const) {
      const caller = t.app.caller(t.org.users[role]);
      await expect(caller.funding.create({ ...lancashire, name: "Copy" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.funding.update({ id, data: { name: "Mine" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(t.app.caller(null).funding.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(t.app.caller(null).funding.get({ id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(fundingAudit()).toHaveLength(1);
  });

  test("another organisation's plan is not found, never shown or changed", async () => {
    const { id } = await createLancashire();
    const outsider = t.app.caller(t.other.users.admin);
    await expect(outsider.funding.get({ id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Funding plan not found",
    });
    await expect(outsider.funding.update({ id, data: { name: "Taken" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(t.app.db.select().from(fundingPlans).get()?.name).toBe(LANCASHIRE_PLAN_NAME);
    // The same name is free in another organisation.
    await expect(outsider.funding.create(lancashire)).resolves.toMatchObject({
      name: LANCASHIRE_PLAN_NAME,
    });
  });

  test("bad input is refused naming the field, and nothing is written", async () => {
    const admin = t.app.caller(t.org.users.admin);
    const workstreams = lancashirePlan.workstreams.map((workstream, index) =>
      index === 2 ? { ...workstream, percent: 168 } : workstream,
    );
    const badPercent = await refusal(
      admin.funding.create({ ...lancashire, plan: { ...lancashirePlan, workstreams } }),
    );
    expect(badPercent.code).toBe("BAD_REQUEST");
    expect(badPercent.message).toContain("plan.workstreams.2.percent: must be at most 100 %");
    const table = lancashireYear1Table;
    const repeated = { ...table, rows: [...table.rows, ...table.rows.slice(0, 1)] };
    await expect(
      admin.funding.create({ ...lancashire, varianceTables: [repeated] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "varianceTables.0.rows.4.key: is used by another row of this table",
    });
    await expect(admin.funding.create({ ...lancashire, name: " " })).rejects.toMatchObject({
      message: "name: must not be empty",
    });
    // Each year fits in a safe integer but the total over the years does not.
    const huge = Number.MAX_SAFE_INTEGER;
    const overflowing = {
      ...lancashirePlan,
      costs: lancashirePlan.costs.map((cost) => ({ ...cost, amountPence: huge })),
    };
    const overflow = await refusal(admin.funding.create({ ...lancashire, plan: overflowing }));
    expect(overflow.code).toBe("BAD_REQUEST");
    expect(overflow.message).toMatch(/^The total cost comes to /);
    expect(t.app.db.select().from(fundingPlans).all()).toEqual([]);

    const { id } = await createLancashire();
    await expect(admin.funding.create(lancashire)).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { field: "name" },
    });
    await expect(admin.funding.update({ id, data: { plan: overflowing } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const noYears = await refusal(
      admin.funding.update({ id, data: { plan: { ...lancashirePlan, financialYears: [] } } }),
    );
    expect(noYears.message).toMatch(
      /^data\.plan\.financialYears: must list at least one financial year\n/,
    );
    expect(t.app.db.select().from(fundingPlans).get()?.plan).toMatchObject({
      costs: lancashirePlan.costs,
    });
    expect(fundingAudit()).toHaveLength(1);
  });
});
