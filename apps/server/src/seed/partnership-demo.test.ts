import { eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { chargeFor, DEFAULT_BANK_HOLIDAYS } from "@dapkit/training";

import { charges, nominations, staff, users } from "../db/schema";
import { DEFAULT_CHARGING_POLICY } from "../services/charges/charging-policy";
import { createTestApp, type TestApp } from "../test/test-app";
import { seedDemoIfEmpty } from "./demo";
import { DEMO_LEAD_AGENCY, DEMO_PARTNER_AGENCIES } from "./partnership-demo";

let app: TestApp;

function as(role: string) {
  const user = app.db
    .select()
    .from(users)
    .all()
    .find((row) => row.role === role);
  if (user == null) throw new Error(`no ${role}`);
  return app.caller({ ...user });
}

beforeAll(async () => {
  app = createTestApp();
  app.clock.now = new Date("2027-03-20T10:00:00.000Z");
  await seedDemoIfEmpty(app.deps, { password: "demo password for tests" });
}, 60_000);

describe("the demo partnership", () => {
  test("runs as a partnership of seven member agencies and one that is not, everyone in one", async () => {
    expect((await as("admin").partnership.settings.get()).runsAsPartnership).toBe(true);
    const agencies = await as("hr").partnership.agencies.list();
    expect(agencies).toHaveLength(DEMO_PARTNER_AGENCIES.length + 1);
    expect(agencies.filter((agency) => agency.member)).toHaveLength(7);
    expect(app.db.select().from(staff).where(isNull(staff.agencyId)).all()).toEqual([]);
  });

  test("shows every figure of the board's attendance by agency, adding up", async () => {
    const report = await as("hr").boardReport.get({ financialYear: "2026/27" });
    const attendance = report.sections.find((section) => section.key === "attendance-by-agency");
    const totals = attendance?.totals ?? {};
    for (const key of [
      "bookings",
      "attended",
      "cancelled",
      "lateCancellations",
      "noShows",
      "substitutes",
      "unscheduled",
      "chargesPence",
    ]) {
      expect(totals[key], key).toBeGreaterThan(0);
      const sum = (attendance?.rows ?? []).reduce((total, row) => total + Number(row[key]), 0);
      expect(sum, key).toBe(totals[key]);
    }
  });

  test("charges are the policy applied to what happened, and one no-show was waived", () => {
    const rows = app.db.select().from(charges).all();
    expect(rows.filter((row) => row.waivedAt != null)).toHaveLength(1);
    const late = rows.filter((row) => row.kind === "late_cancellation");
    const noShows = rows.filter((row) => row.kind === "no_show");
    expect(late).toHaveLength(6);
    expect(noShows).toHaveLength(6);
    expect(rows.filter((row) => row.kind === "non_member_place")).toHaveLength(6);
    // Full-day sessions (the first, third and fifth) at £90, half days at £50: Wirral's rates.
    for (const row of [...late, ...noShows]) {
      const booking = app.db
        .select({ state: nominations.state })
        .from(nominations)
        .where(eq(nominations.id, row.nominationId))
        .get();
      expect(booking?.state).toBe(row.kind === "no_show" ? "no_show" : "cancelled");
      expect([
        DEFAULT_CHARGING_POLICY.lateCancellation.fullDayPence,
        DEFAULT_CHARGING_POLICY.lateCancellation.halfDayPence,
      ]).toContain(row.amountPence);
    }
    const expected = chargeFor(
      { ...DEFAULT_CHARGING_POLICY, enabled: true },
      { kind: "not_attended", member: true, substituted: false, sessionMinutes: 420 },
      DEFAULT_BANK_HOLIDAYS,
    );
    expect(noShows.map((row) => row.amountPence).sort()).toEqual(
      [
        5000,
        5000,
        5000,
        expected?.amountPence,
        expected?.amountPence,
        expected?.amountPence,
      ].sort(),
    );
  });

  test("the agency lead acts for the police and sees their row only", async () => {
    const me = await as("agency_lead").auth.me();
    expect(me?.email).toBe("agency-lead@northshire.example");
    const report = await as("agency_lead").boardReport.get({ financialYear: "2026/27" });
    const attendance = report.sections.find((section) => section.key === "attendance-by-agency");
    expect(attendance?.rows.map((row) => row.agency)).toEqual([DEMO_LEAD_AGENCY]);
  });
});
