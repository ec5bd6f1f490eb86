import { describe, expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { auditLog, levelRequirements, nominations } from "../db/schema";
import { addAgency, moveToAgency } from "../services/partnership/programme-fixtures";
import { createBookings, createCourse, createSession, createStaff } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";
import { inArray } from "drizzle-orm";

const t = useTwoOrganisations();

function hr(organisation = t.org) {
  return t.app.caller(organisation.users.hr);
}

const AWARENESS = { level: 1, name: "Awareness", defaultRefresherMonths: 36 };
const KENT = {
  name: "Kent and Medway DA Training Framework",
  levels: [AWARENESS, { level: 2, name: "Practitioner", defaultRefresherMonths: null }],
};

describe("trainingFramework.save and get", () => {
  test("names the framework and its levels, audited; anyone who reads training reads it", async () => {
    expect(await hr().trainingFramework.get()).toEqual({ name: null, levels: [], rules: [] });
    await expect(hr().trainingFramework.save(KENT)).resolves.toEqual({ ...KENT, rules: [] });
    expect(t.app.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "update",
      entity: "training_framework",
    });
    await expect(t.app.caller(t.org.users.manager).trainingFramework.get()).resolves.toMatchObject({
      name: KENT.name,
    });
    // Saving again replaces the levels.
    const renamed = await hr().trainingFramework.save({
      name: "Wales National Training Framework",
      levels: [{ level: 1, name: "Group 1", defaultRefresherMonths: 24 }],
    });
    expect(renamed.levels).toEqual([{ level: 1, name: "Group 1", defaultRefresherMonths: 24 }]);
    expect(await hr(t.other).trainingFramework.get()).toEqual({
      name: null,
      levels: [],
      rules: [],
    });
  });

  test("refuses two levels numbered the same, no levels, and dropping a level a rule needs", async () => {
    await expect(
      hr().trainingFramework.save({ ...KENT, levels: [AWARENESS, AWARENESS] }),
    ).rejects.toMatchObject({ message: "levels: must not number two levels the same" });
    await expect(hr().trainingFramework.save({ ...KENT, levels: [] })).rejects.toMatchObject({
      message: "levels: must have at least one level",
    });
    await hr().trainingFramework.save(KENT);
    await hr().trainingFramework.addRule({ scope: "all", requiredLevel: 2 });
    await expect(
      hr().trainingFramework.save({ ...KENT, levels: [AWARENESS] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "levels" } });
    expect((await hr().trainingFramework.get()).levels).toHaveLength(2);
  });

  test("is changed by HR and administrators only", async () => {
    for (const role of ["accreditation_lead", "manager", "viewer", "agency_lead"] as const) {
      await expect(
        t.app.caller(t.org.users[role]).trainingFramework.save(KENT),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("trainingFramework.addRule and removeRule", () => {
  test("adds and removes rules for a kind of agency or one agency, audited", async () => {
    await hr().trainingFramework.save(KENT);
    const police = addAgency(t.app, t.org.id, { name: "Kent Police", kind: "police" });
    const byKind = await hr().trainingFramework.addRule({
      scope: "agency_kind",
      agencyKind: "police",
      agencyId: police,
      jobTitleContains: " officer ",
      requiredLevel: 2,
    });
    // The agency a kind rule does not read is not kept.
    expect(byKind).toMatchObject({
      agencyKind: "police",
      agencyId: null,
      jobTitleContains: "officer",
    });
    const byAgency = await hr().trainingFramework.addRule({
      scope: "agency",
      agencyId: police,
      requiredLevel: 1,
    });
    expect(byAgency).toMatchObject({
      agencyId: police,
      agencyName: "Kent Police",
      agencyKind: null,
    });
    await expect(hr().trainingFramework.removeRule({ id: byKind.id })).resolves.toEqual({
      id: byKind.id,
    });
    expect((await hr().trainingFramework.get()).rules.map((rule) => rule.id)).toEqual([
      byAgency.id,
    ]);
    expect(t.app.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "delete",
      entity: "level_requirement",
      entityId: byKind.id,
    });
  });

  test("refuses a level not in the framework, a missing or foreign agency, and a foreign rule", async () => {
    await hr().trainingFramework.save(KENT);
    await expect(
      hr().trainingFramework.addRule({ scope: "all", requiredLevel: 3 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "requiredLevel" } });
    await expect(
      hr().trainingFramework.addRule({ scope: "agency_kind", requiredLevel: 1 }),
    ).rejects.toMatchObject({ message: "agencyKind: choose a kind of agency" });
    await expect(
      hr().trainingFramework.addRule({ scope: "agency", requiredLevel: 1 }),
    ).rejects.toMatchObject({ message: "agencyId: choose an agency" });
    const theirs = addAgency(t.app, t.other.id, { name: "Their Police" });
    await expect(
      hr().trainingFramework.addRule({ scope: "agency", agencyId: theirs, requiredLevel: 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "agencyId" } });
    await hr(t.other).trainingFramework.save(KENT);
    const theirRule = await hr(t.other).trainingFramework.addRule({
      scope: "all",
      requiredLevel: 1,
    });
    await expect(hr().trainingFramework.removeRule({ id: theirRule.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(t.app.db.select().from(levelRequirements).all()).toHaveLength(1);
  });
});

describe("trainingFramework.compliance.list", () => {
  test("counts people required and trained in date per agency and level; agency leads see their own", async () => {
    await hr().trainingFramework.save(KENT);
    const police = addAgency(t.app, t.org.id, { name: "Kent Police", kind: "police" });
    const council = addAgency(t.app, t.org.id, { name: "Medway Council" });
    await hr().trainingFramework.addRule({ scope: "all", requiredLevel: 1 });
    await hr().trainingFramework.addRule({
      scope: "agency_kind",
      agencyKind: "police",
      jobTitleContains: "officer",
      requiredLevel: 2,
    });
    const officer = createStaff(t.hr, { jobTitle: "Police Officer" });
    const officer2 = createStaff(t.hr, { jobTitle: "Police officer" });
    const clerk = createStaff(t.hr, { jobTitle: "Clerk" });
    const housing = createStaff(t.hr, { jobTitle: "Housing officer" });
    moveToAgency(t.app.db, [officer.id, officer2.id, clerk.id], police);
    moveToAgency(t.app.db, [housing.id], council);

    // Level 1 (36-month refresher, from the course) in May 2022; level 2 (no refresher) too.
    const awareness = createCourse(t.hr, { level: 1, refresherIntervalMonths: 36 });
    const practitioner = createCourse(t.hr, { level: 2, refresherIntervalMonths: null });
    const first = createSession(t.hr, { courseId: awareness.id });
    const second = createSession(t.hr, { courseId: practitioner.id });
    const booked = [
      ...createBookings(t.hr, { sessionId: first.id, staffIds: [officer.id, housing.id] }),
      ...createBookings(t.hr, { sessionId: second.id, staffIds: [officer.id, officer2.id] }),
    ];
    t.app.db
      .update(nominations)
      .set({ state: "fully_attended" })
      .where(
        inArray(
          nominations.id,
          booked.slice(0, 3).map((row) => row.id),
        ),
      )
      .run();
    // officer2's level 2 booking is a no-show: not trained.
    t.app.db
      .update(nominations)
      .set({ state: "no_show" })
      .where(inArray(nominations.id, [booked[3]?.id ?? ""]))
      .run();

    const rows = (await hr().trainingFramework.compliance.list({ asOf: "2023-01-01" })).rows;
    expect(
      rows.map((row) => [row.agencyName, row.level, row.required, row.trainedInDate, row.rate]),
    ).toEqual([
      ["Kent Police", 1, 3, 1, 1 / 3],
      ["Kent Police", 2, 2, 1, 0.5],
      ["Medway Council", 1, 1, 1, 1],
      ["Medway Council", 2, 0, 0, null],
    ]);
    // After the 36 months the level 1 training has lapsed; level 2 has no refresher.
    const later = (await hr().trainingFramework.compliance.list({ asOf: "2025-05-11" })).rows;
    expect(later.map((row) => row.trainedInDate)).toEqual([0, 1, 0, 0]);

    const lead: SessionUser = { ...t.org.users.agency_lead, agencyId: council };
    const own = await t.app.caller(lead).trainingFramework.compliance.list({ asOf: "2023-01-01" });
    expect(own.rows.map((row) => row.agencyName)).toEqual(["Medway Council", "Medway Council"]);
    // A manager does not read partnership figures.
    await expect(
      t.app.caller(t.org.users.manager).trainingFramework.compliance.list({}),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Today's date is used when none is given; the other organisation sees none of this.
    await expect(hr().trainingFramework.compliance.list({})).resolves.toMatchObject({
      asOf: "2022-04-05",
    });
    expect((await hr(t.other).trainingFramework.compliance.list({})).rows).toEqual([]);
  });
});
