import { describe, expect, test } from "vitest";

import { auditLog, committeePapers } from "../db/schema";
import { lancashirePlan } from "../seed/lancashire-plan";
import { matrixPaper } from "../services/committee-papers/paper-fixtures";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

function lead(organisation = t.org) {
  return t.app.caller(organisation.users.accreditation_lead);
}

describe("committeePapers", () => {
  test("a draft is saved, shown with its figures, edited and listed", async () => {
    const created = await lead().committeePapers.create(matrixPaper("Scrutiny Committee", null));
    expect(created).toMatchObject({ version: 1, committee: "Scrutiny Committee" });
    expect(created.built.sections.map((section) => section.heading)).toContain("Legal issues");
    // No funding plan chosen: the financial section holds only the narrative.
    const financial = created.built.sections.find((section) => section.key === "financial");
    expect(financial?.paragraphs.map((paragraph) => paragraph.source)).toEqual(["narrative"]);

    const draft = {
      ...matrixPaper("Scrutiny Committee", null),
      title: "Update, edited",
      sections: [{ key: "conclusion" as const, narrative: ["Edited conclusion."] }],
      includeAppendix: false,
    };
    const updated = await lead().committeePapers.update({
      id: created.id,
      version: 1,
      data: draft,
    });
    expect(updated).toMatchObject({ version: 2, title: "Update, edited", draft });
    expect(updated.built).toMatchObject({
      sections: [
        {
          key: "conclusion",
          paragraphs: [{ number: 1, source: "narrative", text: "Edited conclusion." }],
        },
      ],
      appendix: null,
    });
    await expect(t.app.caller(t.org.users.viewer).committeePapers.list()).resolves.toEqual([
      expect.objectContaining({ id: created.id, title: "Update, edited" }),
    ]);
    const audits = t.app.db.select().from(auditLog).all();
    expect(
      audits.filter((row) => row.entity === "committee_paper").map((row) => row.action),
    ).toEqual(["create", "update"]);
  });

  test("a save over an older version is refused, so nobody's edits are lost", async () => {
    const created = await lead().committeePapers.create(matrixPaper("Board", null));
    await t.app.caller(t.org.users.admin).committeePapers.update({
      id: created.id,
      version: 1,
      data: { ...matrixPaper("Board", null), title: "Admin's title" },
    });
    await expect(
      lead().committeePapers.update({
        id: created.id,
        version: 1,
        data: matrixPaper("Board", null),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "version" } });
    expect((await lead().committeePapers.get({ id: created.id })).title).toBe("Admin's title");
  });

  test("refuses bad drafts with the field named, and another organisation's funding plan", async () => {
    const base = matrixPaper("Board", null);
    await expect(lead().committeePapers.create({ ...base, sections: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "sections: must include at least one section",
    });
    await expect(
      lead().committeePapers.create({
        ...base,
        sections: [
          { key: "legal", narrative: [] },
          { key: "legal", narrative: [] },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "sections: must not include a section twice",
    });
    await expect(
      lead().committeePapers.create({ ...base, recommendations: [] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "recommendations: must have at least one recommendation",
    });
    await expect(
      lead().committeePapers.create({ ...base, meetingDate: "5 April" }),
    ).rejects.toThrow(/^meetingDate: /);
    const theirs = await t.app.caller(t.other.users.admin).funding.create({
      name: "Their plan",
      plan: lancashirePlan,
    });
    await expect(
      lead().committeePapers.create({ ...base, fundingPlanId: theirs.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "fundingPlanId" } });
    expect(t.app.db.select().from(committeePapers).all()).toEqual([]);
  });

  test("another organisation's paper is not found; HR and viewers cannot write papers", async () => {
    const created = await lead().committeePapers.create(matrixPaper("Board", null));
    await expect(lead(t.other).committeePapers.get({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      lead(t.other).committeePapers.update({
        id: created.id,
        version: 1,
        data: matrixPaper("X", null),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lead(t.other).committeePapers.list()).resolves.toEqual([]);
    for (const role of ["hr", "viewer", "manager"] as const) {
      await expect(
        t.app.caller(t.org.users[role]).committeePapers.create(matrixPaper("Board", null)),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
