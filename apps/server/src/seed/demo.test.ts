import { describe, expect, test } from "vitest";

import { formatRate } from "@dapkit/training";

import { organisations, users } from "../db/schema";
import { createTestApp } from "../test/test-app";
import { DEMO_MANAGER_NAME } from "./demo-data";
import { seedDemoIfEmpty } from "./demo";

async function seededApp() {
  const app = createTestApp();
  app.clock.now = new Date("2026-11-23T10:00:00.000Z");
  // The single council's figures (partnership-demo.test.ts tests the partnership's).
  const seeded = await seedDemoIfEmpty(app.deps, {
    password: "demo password for tests",
    partnership: false,
  });
  const all = app.db.select().from(users).all();
  const as = (role: string) => {
    const user = all.find((row) => row.role === role);
    if (user == null) throw new Error(`no ${role}`);
    return app.caller({ ...user });
  };
  return { app, seeded, as };
}

describe("the demo organisation", () => {
  test("reproduces Oxford's 90 nominated, 56 attended (62.2%) in the uptake report", async () => {
    const { as } = await seededApp();
    const { overall, byDepartment } = await as("hr").reports.uptake({});
    expect(overall).toMatchObject({
      nominated: 90,
      attended: 56,
      fullyAttended: 50,
      partiallyAttended: 6,
      noShow: 12,
      unableToAttend: 8,
      cancelled: 9,
      declined: 5,
    });
    expect(formatRate(overall.attendanceRate)).toBe("62.2%");
    expect(byDepartment).toHaveLength(6);
    expect(byDepartment.reduce((sum, group) => sum + group.nominated, 0)).toBe(90);
  });

  test("gives the manager a team of their own, and only that team", async () => {
    const { as } = await seededApp();
    const manager = await as("manager").auth.me();
    expect(manager?.staffId).not.toBeNull();
    const team = await as("manager").staff.list({ page: 1, pageSize: 200 });
    expect(team.total).toBe(22);
    expect(new Set(team.items.map((person) => person.managerName))).toEqual(
      new Set([DEMO_MANAGER_NAME]),
    );
    const everyone = await as("hr").staff.list({ page: 1, pageSize: 200 });
    expect(everyone.total).toBe(108);
  });

  test("has evidence that makes readiness red, amber and green, with reasons", async () => {
    const { as } = await seededApp();
    const readiness = await as("accreditation_lead").evidence.readiness({});
    const rag = Object.fromEntries(readiness.areas.map((area) => [area.areaId, area.rag]));
    expect(rag).toMatchObject({
      "policies-and-procedures": "green",
      partnerships: "amber",
      "staff-development": "amber",
      "safety-led-case-management": "red",
      "intersectionality-and-anti-racist-practice": "red",
      "perpetrator-accountability": "red",
    });
    const staffDevelopment = readiness.areas.find((area) => area.areaId === "staff-development");
    expect(staffDevelopment?.reasons.join(" ")).toContain("62.2%");
  });

  test("tracks the nine review recommendations, upcoming sessions and the Lancashire plan", async () => {
    const { as } = await seededApp();
    expect(await as("viewer").recommendations.list()).toHaveLength(9);
    const upcoming = await as("hr").training.sessions.list({
      from: "2026-11-24",
      page: 1,
      pageSize: 50,
    });
    expect(upcoming.items).toHaveLength(3);
    expect(upcoming.items.every((session) => session.booked === 0)).toBe(true);
    const plans = await as("admin").funding.list();
    expect(plans).toHaveLength(1);
    const plan = await as("admin").funding.get({ id: plans[0]?.id ?? "" });
    expect(plan.result.years.map((year) => year.gapPence)).toEqual([-54_500, 0, 0]);
  });

  test("is created only once: a database with an organisation is left alone", async () => {
    const { app, seeded } = await seededApp();
    expect(seeded?.users.map((user) => user.email)).toContain("hr@northshire.example");
    expect(await seedDemoIfEmpty(app.deps, { password: "another password!" })).toBeUndefined();
    expect(app.db.select().from(organisations).all()).toHaveLength(1);
  });
});
