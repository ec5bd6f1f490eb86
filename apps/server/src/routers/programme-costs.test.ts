import { eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog, nominations, programmeCosts } from "../db/schema";
import { lancashirePlan } from "../seed/lancashire-plan";
import { addAgency as addAgencyTo, moveToAgency } from "../services/partnership/programme-fixtures";
import { createBookings, createSession, createStaff } from "../test/builders";
import { useTwoOrganisations, type TwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function hr(organisation = t.org) {
  return t.app.caller(organisation.users.hr);
}

function addAgency(
  world: TwoOrganisations,
  name: string,
  options: { organisationId?: string; member?: boolean } = {},
): string {
  return addAgencyTo(world.app, options.organisationId ?? world.org.id, { ...options, name });
}

const LINE = {
  financialYearStart: 2022,
  category: "trainers",
  description: "Specialist trainer, 12 half days",
  amountPence: 1000,
} as const;

describe("programmeCosts.add, update and remove", () => {
  test("records, changes and removes a cost line, each audited", async () => {
    const line = await hr().programmeCosts.add(LINE);
    expect(line).toMatchObject(LINE);
    const changed = await hr().programmeCosts.update({
      id: line.id,
      data: { category: "venues", amountPence: 2500 },
    });
    expect(changed).toMatchObject({ category: "venues", amountPence: 2500 });
    await expect(hr().programmeCosts.update({ id: line.id, data: {} })).resolves.toEqual(changed);
    await expect(hr().programmeCosts.remove({ id: line.id })).resolves.toEqual({ id: line.id });
    expect(t.app.db.select().from(programmeCosts).all()).toEqual([]);
    expect(
      t.app.db
        .select({ action: auditLog.action, entity: auditLog.entity })
        .from(auditLog)
        .where(eq(auditLog.entityId, line.id))
        .all(),
    ).toEqual([
      { action: "create", entity: "programme_cost" },
      { action: "update", entity: "programme_cost" },
      { action: "delete", entity: "programme_cost" },
    ]);
  });

  test("refuses an empty description, a zero amount and another organisation's line", async () => {
    await expect(hr().programmeCosts.add({ ...LINE, description: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "description: must not be empty",
    });
    await expect(hr().programmeCosts.add({ ...LINE, amountPence: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "amountPence: must be more than £0",
    });
    const theirs = await hr(t.other).programmeCosts.add(LINE);
    await expect(
      hr().programmeCosts.update({ id: theirs.id, data: { amountPence: 1 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hr().programmeCosts.remove({ id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await hr(t.other).programmeCosts.get({ financialYearStart: 2022 })).totalPence).toBe(
      1000,
    );
  });

  test("is for HR and administrators only", async () => {
    for (const role of ["accreditation_lead", "manager", "viewer", "agency_lead"] as const) {
      await expect(t.app.caller(t.org.users[role]).programmeCosts.add(LINE)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});

function leadOf(agencyId: string): SessionUser {
  return { ...t.org.users.agency_lead, agencyId };
}

describe("programmeCosts.get and setYear", () => {
  test("shares equally by default, exact to the penny, and only member agencies", async () => {
    const ids = ["Alpha Council", "Beta Police", "Gamma NHS Trust"].map((name) =>
      addAgency(t, name),
    );
    addAgency(t, "Delta Housing (not a member)", { member: false });
    await hr().programmeCosts.add(LINE);
    const year = await hr().programmeCosts.get({ financialYearStart: 2022 });
    expect(year).toMatchObject({
      financialYear: "2022/23",
      basis: "equal",
      totalPence: 1000,
      sharesProblem: null,
      attendees: 0,
      costPerAttendeePence: null,
      fundingPlan: null,
      budget: null,
    });
    expect(year.shares.map((row) => [row.agencyId, row.sharePence])).toEqual([
      [ids[0], 334],
      [ids[1], 333],
      [ids[2], 333],
    ]);
    // An agency lead sees their own agency's share only.
    const mine = await t.app
      .caller(leadOf(ids[1] ?? ""))
      .programmeCosts.get({ financialYearStart: 2022 });
    expect(mine.shares).toEqual([expect.objectContaining({ agencyId: ids[1], sharePence: 333 })]);
    expect(mine.totalPence).toBe(1000);
  });

  test("agreed percentages split exactly, and must add up to 100 with each agency once", async () => {
    const [a, b] = ["Alpha Council", "Beta Police"].map((name) => addAgency(t, name)) as [
      string,
      string,
    ];
    await hr().programmeCosts.add({ ...LINE, amountPence: 100_001 });
    const choice = { financialYearStart: 2022, basis: "agreed_percentages" } as const;
    await expect(
      hr().programmeCosts.setYear({
        ...choice,
        percentages: [
          { agencyId: a, percent: 60 },
          { agencyId: b, percent: 30 },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "percentages: must add up to 100 %, but add up to 90 %",
    });
    await expect(
      hr().programmeCosts.setYear({
        ...choice,
        percentages: [
          { agencyId: a, percent: 50 },
          { agencyId: a, percent: 50 },
        ],
      }),
    ).rejects.toMatchObject({ message: "percentages: must not list an agency twice" });
    await expect(
      hr().programmeCosts.setYear({ ...choice, percentages: [{ agencyId: a, percent: 33.333 }] }),
    ).rejects.toThrow("must have at most two decimal places");
    const theirs = addAgency(t, "Their Council", { organisationId: t.other.id });
    await expect(
      hr().programmeCosts.setYear({
        ...choice,
        percentages: [
          { agencyId: a, percent: 50 },
          { agencyId: theirs, percent: 50 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "percentages" } });
    const year = await hr().programmeCosts.setYear({
      ...choice,
      percentages: [
        { agencyId: a, percent: 66.67 },
        { agencyId: b, percent: 33.33 },
      ],
    });
    expect(year.shares.map((row) => [row.percent, row.sharePence])).toEqual([
      [66.67, 66_671],
      [33.33, 33_330],
    ]);
    expect(t.app.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "update",
      entity: "programme_cost_year",
      entityId: "2022",
    });
    // Another basis drops the agreed percentages.
    const equal = await hr().programmeCosts.setYear({ financialYearStart: 2022, basis: "equal" });
    expect(equal.shares.map((row) => row.percent)).toEqual([null, null]);
  });

  test("places booked and attendees weight the shares; nobody attending is said, not divided by", async () => {
    const [a, b] = ["Alpha Council", "Beta Police"].map((name) => addAgency(t, name)) as [
      string,
      string,
    ];
    await hr().programmeCosts.add({ ...LINE, amountPence: 90_000 });
    const attendees = await hr().programmeCosts.setYear({
      financialYearStart: 2022,
      basis: "attendees",
    });
    expect(attendees).toMatchObject({
      shares: [],
      sharesProblem:
        "Nobody from a member agency has attended in 2022/23 yet, so there is nothing to share the costs by.",
      costPerAttendeePence: null,
    });
    const booked = await hr().programmeCosts.setYear({
      financialYearStart: 2022,
      basis: "places_booked",
    });
    expect(booked.sharesProblem).toMatch(/^No member agency has booked a place in 2022\/23/);

    const people = [a, a, b].map(() => createStaff(t.hr));
    moveToAgency(t.app.db, [people[0]?.id ?? "", people[1]?.id ?? ""], a);
    moveToAgency(t.app.db, [people[2]?.id ?? ""], b);
    const session = createSession(t.hr, { startsAt: "2022-05-10T09:00:00.000Z" });
    const bookings = createBookings(t.hr, {
      sessionId: session.id,
      staffIds: people.map((person) => person.id),
    });
    // Alpha's two booked; one attended. Beta's one attended.
    t.app.db
      .update(nominations)
      .set({ state: "fully_attended" })
      .where(inArray(nominations.id, [bookings[0]?.id ?? "", bookings[2]?.id ?? ""]))
      .run();
    const byPlaces = await hr().programmeCosts.get({ financialYearStart: 2022 });
    expect(byPlaces.shares.map((row) => [row.placesBooked, row.attendees, row.sharePence])).toEqual(
      [
        [2, 1, 60_000],
        [1, 1, 30_000],
      ],
    );
    expect(byPlaces).toMatchObject({ attendees: 2, costPerAttendeePence: 45_000 });
    const byAttendees = await hr().programmeCosts.setYear({
      financialYearStart: 2022,
      basis: "attendees",
    });
    expect(byAttendees.shares.map((row) => row.sharePence)).toEqual([45_000, 45_000]);
    // The next year has none of these bookings.
    expect((await hr().programmeCosts.get({ financialYearStart: 2023 })).attendees).toBe(0);
  });

  test("with no member agencies the costs are not shared, and the lack is said", async () => {
    await hr().programmeCosts.add(LINE);
    const year = await hr().programmeCosts.get({ financialYearStart: 2022 });
    expect(year).toMatchObject({
      shares: [],
      sharesProblem: "Add the partnership's member agencies to share the costs.",
    });
  });

  test("a linked funding plan's workforce workstream gives the budget against the spend", async () => {
    const plan = await t.app.caller(t.org.users.admin).funding.create({
      name: "Joint commission",
      plan: lancashirePlan,
    });
    await hr().programmeCosts.add({ ...LINE, financialYearStart: 2014, amountPence: 500_000 });
    const choices = await hr().programmeCosts.fundingPlans.list();
    expect(choices.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: plan.id, name: "Joint commission" },
    ]);
    expect(choices[0]?.workstreams).toContainEqual({
      key: "workforce",
      name: "Workforce and Co-ordination",
    });
    const year = await hr().programmeCosts.setYear({
      financialYearStart: 2014,
      basis: "equal",
      fundingPlanId: plan.id,
      workstreamKey: "workforce",
    });
    expect(year).toMatchObject({
      fundingPlan: { id: plan.id, name: "Joint commission" },
      workstream: { key: "workforce", name: "Workforce and Co-ordination" },
      budget: { budgetPence: 7_512_245, spendPence: 500_000, remainingPence: 7_012_245 },
    });
    // A year the plan does not cover has the link but no budget.
    const later = await hr().programmeCosts.setYear({
      financialYearStart: 2022,
      basis: "equal",
      fundingPlanId: plan.id,
      workstreamKey: "workforce",
    });
    expect(later).toMatchObject({ fundingPlan: { id: plan.id }, budget: null });

    await expect(
      hr().programmeCosts.setYear({
        financialYearStart: 2014,
        basis: "equal",
        fundingPlanId: plan.id,
        workstreamKey: "nowhere",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "workstreamKey" } });
    await expect(
      hr().programmeCosts.setYear({
        financialYearStart: 2014,
        basis: "equal",
        fundingPlanId: plan.id,
      }),
    ).rejects.toMatchObject({
      message: "workstreamKey: choose a funding plan and its workstream together, or neither",
    });
    const theirs = await t.app.caller(t.other.users.admin).funding.create({
      name: "Theirs",
      plan: lancashirePlan,
    });
    await expect(
      hr().programmeCosts.setYear({
        financialYearStart: 2014,
        basis: "equal",
        fundingPlanId: theirs.id,
        workstreamKey: "workforce",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "fundingPlanId" } });
  });
});
