import { describe, expect, test } from "vitest";

import { users } from "../db/schema";
import { createTestApp } from "../test/test-app";
import { seedDemoIfEmpty } from "./demo";

async function leadOfDemo() {
  const app = createTestApp();
  app.clock.now = new Date("2026-11-23T10:00:00.000Z");
  // Oxford's own figures, so the single council's demo (the partnership adds its agencies' people).
  await seedDemoIfEmpty(app.deps, { password: "demo password for tests", partnership: false });
  const lead = app.db
    .select()
    .from(users)
    .all()
    .find((row) => row.role === "accreditation_lead");
  if (lead == null) throw new Error("no lead");
  return app.caller({ ...lead });
}

describe("the demo's governance", () => {
  test("a draft Scrutiny Committee paper that mirrors the council's, from the demo's own figures", async () => {
    const lead = await leadOfDemo();
    const [summary, ...others] = await lead.committeePapers.list();
    expect(others).toEqual([]);
    expect(summary).toMatchObject({
      committee: "Scrutiny Committee",
      title: "Domestic Abuse Review Recommendations Update",
      meetingDate: "2026-12-23",
    });
    const paper = await lead.committeePapers.get({ id: summary?.id ?? "" });
    expect(paper.built.sections.map((section) => section.heading)).toEqual([
      "Introduction and background",
      "DAHA accreditation progress",
      "Domestic abuse training",
      "Progress on the recommendations",
      "Financial implications",
      "Legal issues",
      "Conclusion",
    ]);
    const texts = paper.built.sections.flatMap((section) => section.paragraphs.map((p) => p.text));
    expect(texts).toContain(
      "Domestic abuse training sessions were attended by 56 members of staff, although 90 were nominated by their managers: an attendance rate of 62.2%.",
    );
    expect(paper.built.appendix?.rows).toHaveLength(9);
    // A funding plan is chosen, so the financial section reports its years.
    const financial = paper.built.sections.find((section) => section.key === "financial");
    expect(financial?.paragraphs[0]?.source).toBe("figures");
  });

  test("an action plan due in the coming months, linked to recommendations, and rated recommendations", async () => {
    const lead = await leadOfDemo();
    const plan = await lead.actionPlan.list({});
    expect(plan.actions).toHaveLength(3);
    expect(plan.actions.some((action) => action.overdue)).toBe(false);
    expect(plan.actions.filter((action) => action.recommendation != null)).toHaveLength(2);
    const listed = await lead.recommendations.list();
    expect(listed.filter((item) => item.rag != null).map((item) => item.reference)).toEqual([
      "3",
      "6",
      "7",
      "9",
    ]);
  });
});
