import { describe, expect, test } from "vitest";

import { actionPlanActions, actionPlanEvidence, auditLog } from "../db/schema";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function lead(organisation = t.org) {
  return t.app.caller(organisation.users.accreditation_lead);
}

const ACTION = {
  areaId: "partnerships",
  what: "Sign the information sharing agreement",
  owner: "Partnerships officer",
  dueDate: "2022-04-30",
};

describe("actionPlan.create", () => {
  test("adds an action with its evidence and recommendation, audited", async () => {
    const evidence = await lead().evidence.create(evidenceInput({ areaId: "partnerships" }));
    const recommendation = await lead().recommendations.create({
      reference: "6",
      title: "Strengthen connections",
      source: "Review",
      owner: "Lead",
    });
    const created = await lead().actionPlan.create({
      ...ACTION,
      recommendationId: recommendation.id,
      evidenceIds: [evidence.id],
    });
    expect(created).toMatchObject({
      areaName: "Partnerships",
      status: "not_started",
      overdue: false,
      recommendation: { id: recommendation.id, reference: "6" },
      evidence: [{ id: evidence.id, title: evidence.title, status: "draft" }],
    });
    expect(t.app.db.select().from(auditLog).all().at(-1)).toMatchObject({
      action: "create",
      entity: "action_plan_action",
      entityId: created.id,
    });
    // The recommendation lists the action that serves it.
    await expect(lead().recommendations.get({ id: recommendation.id })).resolves.toMatchObject({
      actions: [{ id: created.id, what: ACTION.what }],
    });
  });

  test("refuses an unknown area, bad fields, and another organisation's links, changing nothing", async () => {
    await expect(lead().actionPlan.create({ ...ACTION, areaId: "nowhere" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "areaId" },
    });
    await expect(lead().actionPlan.create({ ...ACTION, what: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "what: must not be empty",
    });
    await expect(lead().actionPlan.create({ ...ACTION, dueDate: "31/04/2022" })).rejects.toThrow(
      /^dueDate: /,
    );
    const theirs = await lead(t.other).evidence.create(evidenceInput({ areaId: "partnerships" }));
    await expect(
      lead().actionPlan.create({ ...ACTION, evidenceIds: [theirs.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "evidenceIds" } });
    const theirRecommendation = await lead(t.other).recommendations.create({
      reference: "1",
      title: "Theirs",
      source: "Review",
      owner: "Lead",
    });
    await expect(
      lead().actionPlan.create({ ...ACTION, recommendationId: theirRecommendation.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "recommendationId" } });
    expect(t.app.db.select().from(actionPlanActions).all()).toEqual([]);
    expect(t.app.db.select().from(actionPlanEvidence).all()).toEqual([]);
  });

  test("is for accreditation leads and admins only", async () => {
    for (const role of ["hr", "manager", "viewer"] as const) {
      await expect(t.app.caller(t.org.users[role]).actionPlan.create(ACTION)).rejects.toMatchObject(
        {
          code: "FORBIDDEN",
        },
      );
    }
  });
});

describe("actionPlan.update and list", () => {
  test("an overdue action turns its area amber in readiness, and done clears it", async () => {
    const evidence = await lead().evidence.create(
      evidenceInput({ areaId: "partnerships", title: "Protocol" }),
    );
    const created = await lead().actionPlan.create({ ...ACTION, dueDate: "2022-04-01" });
    const listed = await t.app
      .caller(t.org.users.viewer)
      .actionPlan.list({ areaId: "partnerships" });
    expect(listed.actions).toEqual([expect.objectContaining({ id: created.id, overdue: true })]);
    const partnerships = async () =>
      (await lead().evidence.readiness({})).areas.find((area) => area.areaId === "partnerships");
    expect((await partnerships())?.reasons).toContain(
      'Action "Sign the information sharing agreement" was due on 1 April 2022 (4 days ago)',
    );
    const done = await lead().actionPlan.update({
      id: created.id,
      data: { status: "done", evidenceIds: [evidence.id] },
    });
    expect(done).toMatchObject({ status: "done", overdue: false, evidence: [{ id: evidence.id }] });
    expect((await partnerships())?.reasons.some((reason) => reason.startsWith("Action"))).toBe(
      false,
    );
  });

  test("suggests an action for each gap until the plan holds it", async () => {
    const before = await lead().actionPlan.list({ areaId: "partnerships" });
    expect(before.suggestions).toEqual([
      {
        areaId: "partnerships",
        what: "Gather evidence for Partnerships and have it approved",
        reason: "No approved evidence",
      },
    ]);
    await lead().actionPlan.create({ ...ACTION, what: before.suggestions[0]?.what ?? "" });
    expect((await lead().actionPlan.list({ areaId: "partnerships" })).suggestions).toEqual([]);
    await expect(lead().actionPlan.list({ areaId: "nowhere" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  test("another organisation's action is not found, and lists show only your own", async () => {
    const created = await lead().actionPlan.create(ACTION);
    await expect(
      lead(t.other).actionPlan.update({ id: created.id, data: { status: "done" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await lead(t.other).actionPlan.list({})).actions).toEqual([]);
    expect(t.app.db.select().from(actionPlanActions).get()?.status).toBe("not_started");
  });

  test("an empty change writes nothing", async () => {
    const created = await lead().actionPlan.create(ACTION);
    const audits = t.app.db.select().from(auditLog).all().length;
    await expect(lead().actionPlan.update({ id: created.id, data: {} })).resolves.toEqual(created);
    expect(t.app.db.select().from(auditLog).all()).toHaveLength(audits);
  });
});
