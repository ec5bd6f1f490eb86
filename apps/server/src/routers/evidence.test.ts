import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import { EVIDENCE_KINDS } from "@dapkit/schemas";

import { auditLog, evidenceEvents, evidenceItems } from "../db/schema";
import { createEvidence } from "../services/evidence/create-evidence";
import { transitionEvidence } from "../services/evidence/transition-evidence";
import { evidenceInput, seedNominations, uploadFile } from "../services/evidence/evidence-fixtures";
import type { SessionUser } from "../auth/session-user";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;
let other: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  other = await app.createOrganisation("Southshire");
});

function serviceScope(user: SessionUser) {
  return { db: app.db, user, now: app.clock.now };
}

function lead() {
  return app.caller(org.users.accreditation_lead);
}

async function approvedItem(overrides: Record<string, unknown> = {}) {
  const item = await lead().evidence.create(evidenceInput(overrides));
  await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
  await lead().evidence.transition({ id: item.id, to: "in_review" });
  return approver().evidence.transition({
    id: item.id,
    to: "approved",
    note: "Meets the standard",
  });
}

// Someone other than the lead who wrote the evidence: an author cannot approve their own item.
function approver() {
  return app.caller(org.users.admin);
}

describe("evidence.framework", () => {
  test("is the default DAHA framework with its eight priority areas", async () => {
    const framework = await app.caller(org.users.viewer).evidence.framework();
    expect(framework.id).toBe("daha-2022");
    expect(framework.areas.map((area) => area.name)).toEqual([
      "Policies & Procedures",
      "Staff Development",
      "Partnerships",
      "Safety Led Case Management",
      "Victim-Survivor Led Support",
      "Intersectionality & Anti-racist Practice",
      "Perpetrator Accountability",
      "Publicity and Awareness Raising",
    ]);
  });

  test("managers and signed-out users cannot read it", async () => {
    await expect(app.caller(org.users.manager).evidence.framework()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(app.caller(null).evidence.framework()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("evidence.create", () => {
  test("adds a draft with its first history entry, audited", async () => {
    const created = await lead().evidence.create(evidenceInput());
    expect(created).toMatchObject({
      ...evidenceInput(),
      frameworkId: "daha-2022",
      status: "draft",
      recordedStatus: "draft",
      revisions: [],
      history: [{ status: "draft", byUserId: org.users.accreditation_lead.id, note: "" }],
    });
    const audit = app.db.select().from(auditLog).all();
    expect(audit).toEqual([
      expect.objectContaining({ action: "create", entity: "evidence", entityId: created.id }),
    ]);
  });

  test("refuses an area outside the framework, naming the field, and writes nothing", async () => {
    await expect(
      lead().evidence.create(evidenceInput({ areaId: "training" })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose one of the framework's priority areas",
      cause: { field: "areaId" },
    });
    expect(app.db.select().from(evidenceItems).all()).toEqual([]);
  });

  test("refuses bad fields and dates out of order", async () => {
    await expect(
      lead().evidence.create(evidenceInput({ kind: "leaflet", effectiveDate: "1/4/2021" })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `kind: must be one of ${EVIDENCE_KINDS.join(", ")}\neffectiveDate: must be a date in the form YYYY-MM-DD`,
    });
    await expect(
      lead().evidence.create(evidenceInput({ reviewDate: "2020-01-01" })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The review date must not be before the effective date",
      cause: { field: "reviewDate" },
    });
    await expect(
      lead().evidence.create(evidenceInput({ expiryDate: "2020-01-01" })),
    ).rejects.toMatchObject({ cause: { field: "expiryDate" } });
    expect(app.db.select().from(evidenceItems).all()).toEqual([]);
  });

  test("only admins and accreditation leads may add evidence", async () => {
    for (const role of ["hr", "manager", "viewer"] as const) {
      await expect(
        app.caller(org.users[role]).evidence.create(evidenceInput()),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(app.caller(null).evidence.create(evidenceInput())).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      app.caller(org.users.admin).evidence.create(evidenceInput()),
    ).resolves.toMatchObject({ status: "draft" });
  });
});

describe("evidence.list and evidence.get", () => {
  test("lists each item with its status today, newest file and file count", async () => {
    const policy = await lead().evidence.create(evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: policy.id });
    await uploadFile(app, {
      user: org.users.accreditation_lead,
      evidenceId: policy.id,
      name: "policy v2.pdf",
      body: Buffer.from("%PDF-1.7 second version"),
    });
    await lead().evidence.create(
      evidenceInput({
        title: "Case audit",
        kind: "case_audit",
        areaId: "safety-led-case-management",
      }),
    );
    const { items: listed, total } = await app.caller(org.users.viewer).evidence.list();
    expect(total).toBe(2);
    expect(listed.map((item) => item.title)).toEqual([
      "Case audit",
      "Resident domestic abuse policy",
    ]);
    expect(listed[1]).toMatchObject({
      status: "draft",
      revisionCount: 2,
      latestRevision: {
        revision: 2,
        fileName: "policy v2.pdf",
        mediaType: "application/pdf",
        uploadedByName: org.users.accreditation_lead.name,
      },
    });
    expect(listed[0]).toMatchObject({ revisionCount: 0, latestRevision: null });
    await expect(
      lead().evidence.list({ areaId: "safety-led-case-management" }),
    ).resolves.toMatchObject({ items: [{ title: "Case audit" }], total: 1 });
    await expect(lead().evidence.list({ areaId: "nowhere" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "areaId" },
    });
  });

  test("approved evidence past its expiry date lists as expired", async () => {
    const item = await approvedItem({ expiryDate: "2022-04-05" });
    expect(item).toMatchObject({ status: "expired", recordedStatus: "approved" });
    await expect(lead().evidence.list({ status: "expired" })).resolves.toMatchObject({
      items: [{ id: item.id }],
      total: 1,
    });
    await expect(lead().evidence.list({ status: "approved" })).resolves.toMatchObject({
      items: [],
      total: 0,
    });
  });

  test("get returns every file newest first and the whole status history", async () => {
    const item = await approvedItem();
    const detail = await app.caller(org.users.hr).evidence.get({ id: item.id });
    expect(detail.revisions.map((revision) => revision.revision)).toEqual([1]);
    expect(detail.history.map((event) => [event.status, event.note])).toEqual([
      ["draft", ""],
      ["in_review", ""],
      ["approved", "Meets the standard"],
    ]);
  });

  test("another organisation sees none of it", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const outsider = app.caller(other.users.admin);
    await expect(outsider.evidence.list()).resolves.toMatchObject({ items: [], total: 0 });
    await expect(outsider.evidence.get({ id: item.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Evidence not found",
    });
    await expect(app.caller(org.users.manager).evidence.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(app.caller(null).evidence.get({ id: item.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("evidence.update", () => {
  test("changes a draft's details, audited before and after", async () => {
    const item = await lead().evidence.create(evidenceInput());
    const updated = await lead().evidence.update({
      id: item.id,
      data: { title: "Resident DA policy 2021", reviewDate: null },
    });
    expect(updated).toMatchObject({ title: "Resident DA policy 2021", reviewDate: null });
    const audit = app.db
      .select()
      .from(auditLog)
      .all()
      .find((row) => row.action === "update");
    expect(audit).toMatchObject({
      before: { title: "Resident domestic abuse policy" },
      after: { title: "Resident DA policy 2021" },
    });
  });

  test("checks the area and the dates against the stored values", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await expect(
      lead().evidence.update({ id: item.id, data: { areaId: "training" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "areaId" } });
    await expect(
      lead().evidence.update({ id: item.id, data: { effectiveDate: "2024-05-01" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "reviewDate" } });
    await expect(
      lead().evidence.update({ id: item.id, data: { status: "approved" } as never }),
    ).resolves.toMatchObject({ status: "draft" });
    await expect(lead().evidence.get({ id: item.id })).resolves.toMatchObject({
      effectiveDate: "2021-04-01",
      areaId: "policies-and-procedures",
    });
  });

  test("approved evidence and evidence in review cannot be changed", async () => {
    const approved = await approvedItem();
    await expect(
      lead().evidence.update({ id: approved.id, data: { title: "Edited after approval" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Approved evidence cannot be changed: add a new item to replace it",
    });
    const inReview = await lead().evidence.create(evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: inReview.id });
    await lead().evidence.transition({ id: inReview.id, to: "in_review" });
    await expect(
      lead().evidence.update({ id: inReview.id, data: { owner: "Someone else" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("refuses other roles and other organisations", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await expect(
      app.caller(org.users.viewer).evidence.update({ id: item.id, data: { title: "x" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      app.caller(other.users.admin).evidence.update({ id: item.id, data: { title: "x" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      app.caller(null).evidence.update({ id: item.id, data: { title: "x" } }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("evidence.transition", () => {
  test("a draft needs a file before it can be sent for review", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await expect(
      lead().evidence.transition({ id: item.id, to: "in_review" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Upload a file before sending this for review",
    });
    expect(app.db.select().from(evidenceEvents).all()).toHaveLength(1);
  });

  test("follows the DAHA evidence rules", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await expect(lead().evidence.transition({ id: item.id, to: "approved" })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        message: "Evidence cannot move from draft to approved: it must be sent for review first",
      },
    );
    await expect(
      lead().evidence.transition({ id: item.id, to: "published" as "approved" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "to: must be one of draft, in_review, approved, rejected, expired",
    });
  });

  test("rejecting needs a reason; the item goes back to draft for rework", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    await expect(
      lead().evidence.transition({ id: item.id, to: "rejected", note: " " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter why the evidence is rejected",
    });
    const rejected = await lead().evidence.transition({
      id: item.id,
      to: "rejected",
      note: "Out of date contact numbers",
    });
    expect(rejected).toMatchObject({ status: "rejected" });
    await expect(lead().evidence.transition({ id: item.id, to: "draft" })).resolves.toMatchObject({
      status: "draft",
    });
  });

  test("marking evidence as expired needs a reason, and keeps it in the history", async () => {
    const item = await approvedItem();
    await expect(
      lead().evidence.transition({ id: item.id, to: "expired", note: "" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "note: Enter why the evidence is marked as expired",
    });
    expect((await lead().evidence.get({ id: item.id })).status).toBe("approved");
    const expired = await lead().evidence.transition({
      id: item.id,
      to: "expired",
      note: "Superseded by the 2022 policy",
    });
    expect(expired.history.at(-1)).toMatchObject({
      status: "expired",
      note: "Superseded by the 2022 policy",
    });
  });

  test("the service itself refuses a rejection without a reason, on the note field", async () => {
    const item = createEvidence(serviceScope(org.users.accreditation_lead), evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    expect(() =>
      transitionEvidence(serviceScope(org.users.accreditation_lead), {
        id: item.id,
        to: "rejected",
        note: "  ",
      }),
    ).toThrow(expect.objectContaining({ code: "bad_request", field: "note" }));
  });

  test("expired evidence can be renewed by moving it back to draft", async () => {
    const item = await approvedItem({ expiryDate: "2022-04-01" });
    const renewed = await lead().evidence.transition({
      id: item.id,
      to: "draft",
      note: "Renewing",
    });
    expect(renewed).toMatchObject({ status: "draft", recordedStatus: "draft" });
  });

  test("history is append-only and every move is audited", async () => {
    const item = await approvedItem();
    expect(() => app.db.delete(evidenceEvents).run()).toThrow(/append-only/);
    const moves = app.db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.action === "transition" && row.entityId === item.id);
    expect(moves.map((row) => row.after)).toEqual([
      { status: "in_review", note: "" },
      { status: "approved", note: "Meets the standard" },
    ]);
  });

  test("refuses other roles and other organisations", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await expect(
      app.caller(org.users.hr).evidence.transition({ id: item.id, to: "in_review" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      app
        .caller(other.users.accreditation_lead)
        .evidence.transition({ id: item.id, to: "in_review" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      app.caller(null).evidence.transition({ id: item.id, to: "in_review" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("separation of duties", () => {
  test("the author cannot approve their own evidence; someone else can, and is recorded", async () => {
    const item = await lead().evidence.create(evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    await expect(lead().evidence.transition({ id: item.id, to: "approved" })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
        message:
          "You cannot approve evidence you added, uploaded or sent for review: someone else must approve it",
        cause: { field: "to" },
      },
    );
    const unchanged = await lead().evidence.get({ id: item.id });
    expect(unchanged.status).toBe("in_review");
    expect(unchanged.history.map((entry) => entry.status)).toEqual(["draft", "in_review"]);

    const approved = await approver().evidence.transition({ id: item.id, to: "approved" });
    expect(approved.status).toBe("approved");
    expect(approved.history.at(-1)).toMatchObject({
      status: "approved",
      byUserId: org.users.admin.id,
      byName: org.users.admin.name,
    });
  });

  test("whoever uploaded the newest file or created the item is an author too", async () => {
    const item = await approver().evidence.create(evidenceInput());
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await approver().evidence.transition({ id: item.id, to: "in_review" });
    for (const who of [lead(), approver()]) {
      await expect(who.evidence.transition({ id: item.id, to: "approved" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  test("with the organisation's setting off, the author may approve and it counts", async () => {
    await app
      .caller(org.users.admin)
      .organisation.settings.update({ separateEvidenceApproval: false });
    const item = await lead().evidence.create(evidenceInput({ expiryDate: null }));
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    await expect(
      lead().evidence.transition({ id: item.id, to: "approved" }),
    ).resolves.toMatchObject({ status: "approved" });
    const [policies] = (await lead().evidence.readiness()).areas;
    expect(policies).toMatchObject({ rag: "green", counts: { approved: 1, selfApproved: 0 } });
    // Turned back on, the same approval no longer counts.
    await app
      .caller(org.users.admin)
      .organisation.settings.update({ separateEvidenceApproval: true });
    const [again] = (await lead().evidence.readiness()).areas;
    expect(again).toMatchObject({ rag: "red", counts: { approved: 0, selfApproved: 1 } });
  });

  test("readiness does not count an item its author approved (from before the rule)", async () => {
    const item = await lead().evidence.create(evidenceInput({ expiryDate: null }));
    await uploadFile(app, { user: org.users.accreditation_lead, evidenceId: item.id });
    await lead().evidence.transition({ id: item.id, to: "in_review" });
    // Approved by its author directly in the database, as an older version of the tracker allowed.
    app.db
      .update(evidenceItems)
      .set({ status: "approved" })
      .where(eq(evidenceItems.id, item.id))
      .run();
    app.db
      .insert(evidenceEvents)
      .values({
        organisationId: org.id,
        evidenceId: item.id,
        status: "approved",
        at: app.clock.now.toISOString(),
        byUserId: org.users.accreditation_lead.id,
        note: "",
      })
      .run();
    const [policies] = (await lead().evidence.readiness()).areas;
    expect(policies).toMatchObject({
      rag: "red",
      reasons: ["No evidence approved by someone other than its author"],
      counts: { approved: 0, selfApproved: 1 },
    });
  });
});

describe("evidence.readiness", () => {
  test("an area turns green once its evidence is approved", async () => {
    const before = await lead().evidence.readiness();
    expect(before.asOf).toBe("2022-04-05");
    expect(before.areas[0]).toMatchObject({
      areaId: "policies-and-procedures",
      rag: "red",
      reasons: ["No approved evidence"],
    });
    await approvedItem();
    const after = await app.caller(org.users.viewer).evidence.readiness();
    expect(after.areas[0]).toMatchObject({ rag: "green", reasons: [], counts: { approved: 1 } });
  });

  test("judges evidence on the date asked for", async () => {
    await approvedItem();
    const later = await lead().evidence.readiness({ asOf: "2024-03-20" });
    expect(later.areas[0]).toMatchObject({
      rag: "amber",
      reasons: ['"Resident domestic abuse policy" is due for review on 1 April 2024 (in 12 days)'],
    });
    await expect(lead().evidence.readiness({ asOf: "2024-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  test("Staff Development is also rated on live training uptake", async () => {
    await approvedItem({
      areaId: "staff-development",
      title: "Training plan",
      kind: "training_record",
    });
    const staffDevelopment = async () =>
      (await lead().evidence.readiness()).areas.find((area) => area.areaId === "staff-development");

    expect(await staffDevelopment()).toMatchObject({
      rag: "red",
      reasons: [
        "Training attendance 0.0% is below 50.0%, well short of the 80.0% target (no staff have been nominated yet)",
      ],
    });

    const states = [
      ...Array<"fully_attended">(50).fill("fully_attended"),
      ...Array<"partially_attended">(6).fill("partially_attended"),
      ...Array<"no_show">(20).fill("no_show"),
      ...Array<"declined">(14).fill("declined"),
    ];
    seedNominations(app, {
      organisationId: org.id,
      nominatedBy: org.users.hr.id,
      states,
    });
    const readiness = await lead().evidence.readiness();
    expect(readiness.trainingUptake).toEqual({
      nominated: 90,
      attended: 56,
      attendanceRate: 56 / 90,
    });
    expect(await staffDevelopment()).toMatchObject({
      rag: "amber",
      reasons: [
        "Training attendance 62.2% is below the 80.0% target (56 of 90 nominated attended)",
      ],
    });
    // Another organisation's training does not count.
    const outsider = await app.caller(other.users.viewer).evidence.readiness();
    expect(outsider.trainingUptake.nominated).toBe(0);
  });

  test("managers and signed-out users cannot see readiness", async () => {
    await expect(app.caller(org.users.manager).evidence.readiness()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(app.caller(null).evidence.readiness()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
