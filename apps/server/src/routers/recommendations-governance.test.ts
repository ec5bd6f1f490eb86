import { describe, expect, test } from "vitest";

import { recommendationAreas, recommendations } from "../db/schema";
import { OXFORDSHIRE_REVIEW_SOURCE } from "../seed/recommendations-data";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function lead(organisation = t.org) {
  return t.app.caller(organisation.users.accreditation_lead);
}

const NEW = {
  reference: "7",
  title: "Develop a co-funded training strategy",
  source: "Review",
  owner: "Training lead",
};

describe("recommendations: target date, RAG and DAHA areas", () => {
  test("are added and edited with the number, text and owner", async () => {
    const created = await lead().recommendations.create({
      ...NEW,
      targetDate: "2022-09-30",
      rag: "amber",
      areaIds: ["staff-development", "partnerships"],
    });
    expect(created).toMatchObject({
      targetDate: "2022-09-30",
      rag: "amber",
      areaIds: ["partnerships", "staff-development"],
      actions: [],
    });
    const edited = await lead().recommendations.update({
      id: created.id,
      data: {
        reference: "7a",
        title: "A training strategy",
        targetDate: null,
        rag: "green",
        areaIds: ["staff-development"],
      },
    });
    expect(edited).toMatchObject({
      reference: "7a",
      title: "A training strategy",
      targetDate: null,
      rag: "green",
      areaIds: ["staff-development"],
    });
    const [listed] = await t.app.caller(t.org.users.viewer).recommendations.list();
    expect(listed).toMatchObject({ rag: "green", areaIds: ["staff-development"] });
  });

  test("refuses an unknown area, a bad rating and a taken number, changing nothing", async () => {
    await expect(
      lead().recommendations.create({ ...NEW, areaIds: ["nowhere"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "areaIds" } });
    await expect(
      lead().recommendations.create({ ...NEW, rag: "purple" as "red" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "rag: must be one of red, amber, green",
    });
    const first = await lead().recommendations.create({ ...NEW, reference: "1" });
    await lead().recommendations.create({ ...NEW, reference: "2" });
    await expect(
      lead().recommendations.update({ id: first.id, data: { reference: "2" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This review already has a recommendation with reference 2",
    });
    await expect(
      lead().recommendations.update({ id: first.id, data: { areaIds: ["x", "x"] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(t.app.db.select().from(recommendationAreas).all()).toEqual([]);
    expect((await lead().recommendations.get({ id: first.id })).reference).toBe("1");
  });

  test("another organisation cannot edit them; viewers cannot edit at all", async () => {
    const created = await lead().recommendations.create(NEW);
    await expect(
      lead(t.other).recommendations.update({ id: created.id, data: { rag: "red" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.app
        .caller(t.org.users.viewer)
        .recommendations.update({ id: created.id, data: { rag: "red" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("recommendations.startFromTemplate", () => {
  test("adds the Oxfordshire review's nine, not started, once", async () => {
    await expect(
      lead().recommendations.startFromTemplate({ template: "oxfordshire-2017" }),
    ).resolves.toEqual({ source: OXFORDSHIRE_REVIEW_SOURCE, created: 9 });
    const listed = await lead().recommendations.list();
    expect(listed.map((item) => item.reference)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(new Set(listed.map((item) => item.status))).toEqual(new Set(["not_started"]));
    await expect(
      lead().recommendations.startFromTemplate({ template: "oxfordshire-2017" }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "template" } });
    expect(t.app.db.select().from(recommendations).all()).toHaveLength(9);
    // Another organisation starts its own copy.
    await expect(
      lead(t.other).recommendations.startFromTemplate({ template: "oxfordshire-2017" }),
    ).resolves.toMatchObject({ created: 9 });
  });

  test("is all or nothing when one number is taken, and refuses an unknown template", async () => {
    await lead().recommendations.create({
      ...NEW,
      reference: "4",
      source: OXFORDSHIRE_REVIEW_SOURCE,
    });
    await expect(
      lead().recommendations.startFromTemplate({ template: "oxfordshire-2017" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: `You already have recommendation 4 of the ${OXFORDSHIRE_REVIEW_SOURCE}: nothing was added`,
    });
    expect(t.app.db.select().from(recommendations).all()).toHaveLength(1);
    await expect(
      lead().recommendations.startFromTemplate({ template: "kent" as "oxfordshire-2017" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "template: must be a template the tracker offers",
    });
    await expect(
      t.app
        .caller(t.org.users.hr)
        .recommendations.startFromTemplate({ template: "oxfordshire-2017" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
