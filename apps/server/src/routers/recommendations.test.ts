import { beforeEach, describe, expect, test } from "vitest";

import { auditLog, recommendations, recommendationUpdates } from "../db/schema";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  other = await app.createOrganisation("Southshire");
});

const SOURCE = "Strategic Review of Domestic Abuse in Northshire";

function lead() {
  return app.caller(org.users.accreditation_lead);
}

function create(reference: string, caller = lead()) {
  return caller.recommendations.create({
    reference,
    title: `Recommendation ${reference}`,
    source: SOURCE,
    owner: "Strategic Lead for Domestic Abuse",
  });
}

describe("recommendations.create and get", () => {
  test("a lead adds a recommendation, which starts not started and is audited", async () => {
    const created = await create("1");
    expect(created).toMatchObject({
      reference: "1",
      source: SOURCE,
      status: "not_started",
      updates: [],
    });
    await expect(lead().recommendations.get({ id: created.id })).resolves.toEqual(created);
    const audit = app.db.select().from(auditLog).all();
    expect(audit.find((row) => row.entityId === created.id)).toMatchObject({
      action: "create",
      entity: "recommendation",
      userId: org.users.accreditation_lead.id,
    });
  });

  test("a reference is unique within its review, and bad input names the field", async () => {
    await create("1");
    await expect(create("1")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This review already has a recommendation with reference 1",
      cause: { field: "reference" },
    });
    await expect(
      lead().recommendations.create({ reference: "2", title: "", source: SOURCE, owner: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "title: must not be empty" });
    await expect(
      lead().recommendations.create({
        reference: "2",
        title: "A title",
        source: SOURCE,
        owner: "x",
        status: "finished" as "completed",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "status: must be one of not_started, in_progress, on_hold, completed, not_agreed",
    });
    expect(app.db.select().from(recommendations).all()).toHaveLength(1);
  });

  test("the same reference may be used by another organisation", async () => {
    await create("1");
    await expect(create("1", app.caller(other.users.admin))).resolves.toMatchObject({
      reference: "1",
    });
  });
});

describe("recommendations.list", () => {
  test("lists in reading order with the newest update and the number of updates", async () => {
    const ten = await create("10");
    const two = await create("2");
    await lead().recommendations.addUpdate({ id: two.id, date: "2017-04-10", note: "Older" });
    await lead().recommendations.addUpdate({
      id: two.id,
      date: "2022-04-05",
      note: "Newer",
      status: "in_progress",
    });
    await lead().recommendations.addUpdate({ id: two.id, date: "2020-01-01", note: "Between" });
    const listed = await app.caller(org.users.viewer).recommendations.list();
    expect(listed.map((row) => row.reference)).toEqual(["2", "10"]);
    expect(listed[0]).toMatchObject({
      id: two.id,
      status: "in_progress",
      updateCount: 3,
      latestUpdate: {
        date: "2022-04-05",
        note: "Newer",
        status: "in_progress",
        byName: org.users.accreditation_lead.name,
      },
    });
    expect(listed[1]).toMatchObject({ id: ten.id, updateCount: 0, latestUpdate: null });
  });

  test("shows only the organisation's own recommendations", async () => {
    await create("1");
    await expect(app.caller(other.users.viewer).recommendations.list()).resolves.toEqual([]);
  });
});

describe("recommendations.update", () => {
  test("changes title, owner and status, and audits before and after", async () => {
    const created = await create("1");
    const updated = await lead().recommendations.update({
      id: created.id,
      data: { owner: "Domestic Abuse Strategic Group", status: "on_hold" },
    });
    expect(updated).toMatchObject({ owner: "Domestic Abuse Strategic Group", status: "on_hold" });
    const audit = app.db
      .select()
      .from(auditLog)
      .all()
      .find((row) => row.action === "update");
    expect(audit).toMatchObject({
      before: { status: "not_started" },
      after: { status: "on_hold" },
    });
  });

  test("an empty change writes nothing", async () => {
    const created = await create("1");
    await expect(lead().recommendations.update({ id: created.id, data: {} })).resolves.toEqual(
      created,
    );
    expect(app.db.select().from(auditLog).all()).toHaveLength(1);
  });

  test("refuses an unknown status and another organisation's recommendation", async () => {
    const created = await create("1");
    await expect(
      lead().recommendations.update({ id: created.id, data: { status: "done" as "completed" } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "data.status: must be one of not_started, in_progress, on_hold, completed, not_agreed",
    });
    await expect(
      app.caller(other.users.admin).recommendations.update({
        id: created.id,
        data: { title: "Taken over" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Recommendation not found" });
    await expect(lead().recommendations.get({ id: created.id })).resolves.toMatchObject({
      title: "Recommendation 1",
    });
  });
});

describe("recommendations.addUpdate", () => {
  test("appends dated progress, newest first, and records a status change with it", async () => {
    const created = await create("1");
    await lead().recommendations.addUpdate({
      id: created.id,
      date: "2017-04-10",
      note: "Task and finish groups set up",
      status: "in_progress",
    });
    const after = await lead().recommendations.addUpdate({
      id: created.id,
      date: "2022-04-05",
      note: "Strategy under consultation",
    });
    expect(after.status).toBe("in_progress");
    expect(after.updates.map((update) => [update.date, update.status])).toEqual([
      ["2022-04-05", "in_progress"],
      ["2017-04-10", "in_progress"],
    ]);
    const audit = app.db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.action === "add_update");
    expect(audit[0]).toMatchObject({
      before: { status: "not_started" },
      after: { status: "in_progress", date: "2017-04-10" },
    });
  });

  test("refuses an empty note, a bad date and a future date, writing nothing", async () => {
    const created = await create("1");
    await expect(
      lead().recommendations.addUpdate({ id: created.id, date: "2022-04-01", note: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "note: must not be empty" });
    await expect(
      lead().recommendations.addUpdate({ id: created.id, date: "10/04/2017", note: "x" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "date: must be a date in the form YYYY-MM-DD",
    });
    await expect(
      lead().recommendations.addUpdate({ id: created.id, date: "2022-04-06", note: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "date" } });
    expect(app.db.select().from(recommendationUpdates).all()).toEqual([]);
  });

  test("updates are append-only in the database", async () => {
    const created = await create("1");
    await lead().recommendations.addUpdate({ id: created.id, date: "2022-04-01", note: "x" });
    expect(() => app.db.update(recommendationUpdates).set({ note: "changed" }).run()).toThrow(
      /append-only/,
    );
  });

  test("cannot add progress to another organisation's recommendation", async () => {
    const created = await create("1");
    await expect(
      app
        .caller(other.users.admin)
        .recommendations.addUpdate({ id: created.id, date: "2022-04-01", note: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      app.caller(other.users.admin).recommendations.get({ id: created.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(app.db.select().from(recommendationUpdates).all()).toEqual([]);
  });
});

describe("recommendations permissions", () => {
  test("managers cannot read; hr and viewers read but cannot change; signed out is refused", async () => {
    const created = await create("1");
    await expect(app.caller(org.users.manager).recommendations.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    for (const role of ["hr", "viewer", "manager"] as const) {
      const caller = app.caller(org.users[role]);
      await expect(create("2", caller)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        caller.recommendations.update({ id: created.id, data: { title: "x" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        caller.recommendations.addUpdate({ id: created.id, date: "2022-04-01", note: "x" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      app.caller(org.users.hr).recommendations.get({ id: created.id }),
    ).resolves.toMatchObject({
      id: created.id,
    });
    const signedOut = app.caller(null);
    await expect(signedOut.recommendations.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(signedOut.recommendations.get({ id: created.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(create("3", signedOut)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(create("3", app.caller(org.users.admin))).resolves.toMatchObject({
      reference: "3",
    });
  });
});
