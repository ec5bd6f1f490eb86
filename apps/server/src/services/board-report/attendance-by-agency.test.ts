import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import type { SessionUser } from "../../auth/session-user";
import { newId } from "../../db/ids";
import { agencies, charges, nominations, staff, trainingSessions } from "../../db/schema";
import { createBookings, createSession, createStaff, scopeAs } from "../../test/builders";
import { createTestApp, type TestApp, type TestOrganisation } from "../../test/test-app";
import type { Scope } from "../scope";
import {
  agencyAttendance,
  AGENCY_ATTENDANCE_COLUMNS,
  type AgencyAttendance,
} from "./attendance-by-agency";
import { reportPeriod } from "./report-period";

let app: TestApp;
let org: TestOrganisation;
let hr: Scope;
let county: string;
let police: string;

function addAgency(name: string, kind: "county_council" | "police", archived = false): string {
  const id = newId();
  const now = app.clock.now.toISOString();
  app.db
    .insert(agencies)
    .values({
      id,
      organisationId: org.id,
      name,
      kind,
      createdAt: now,
      archivedAt: archived ? now : null,
    })
    .run();
  return id;
}

function person(agencyId: string | null): string {
  const { id } = createStaff(hr);
  app.db.update(staff).set({ agencyId }).where(eq(staff.id, id)).run();
  return id;
}

function book(sessionId: string, staffId: string): string {
  const [nomination] = createBookings(hr, { sessionId, staffIds: [staffId] });
  if (nomination === undefined) throw new Error("the booking was not made");
  return nomination.id;
}

function setNomination(id: string, values: Partial<typeof nominations.$inferInsert>): void {
  app.db.update(nominations).set(values).where(eq(nominations.id, id)).run();
}

interface ChargeValues {
  agencyId: string;
  nominationId: string;
  sessionId: string;
  staffId: string;
  kind: "late_cancellation" | "no_show";
  amountPence: number;
  waived?: boolean;
}

function charge({ waived = false, ...values }: ChargeValues): void {
  const now = app.clock.now.toISOString();
  app.db
    .insert(charges)
    .values({
      id: newId(),
      organisationId: org.id,
      ...values,
      financialYearStart: 2026,
      chargedOn: "2026-04-01",
      createdAt: now,
      ...(waived ? { waivedAt: now, waivedByUserId: org.users.hr.id, waiveReason: "Illness" } : {}),
    })
    .run();
}

const ZERO = {
  bookings: 0,
  attended: 0,
  cancelled: 0,
  lateCancellations: 0,
  noShows: 0,
  substitutes: 0,
  unscheduled: 0,
  attendanceRate: null,
  chargesPence: 0,
};

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire Partnership");
  hr = scopeAs(app, org.users.hr);
  // Listed after the county although created first: the board reads councils before the police.
  police = addAgency("Northshire Police", "police");
  county = addAgency("Northshire County Council", "county_council");
  addAgency("Old Agency With Nothing", "county_council", true);
  const [a1, a2, a3, a4] = [person(county), person(county), person(county), person(county)];
  const [b1, b2, nobody] = [person(police), person(police), person(null)];

  // 00:30 on 1 April 2026 in London (still 31 March in UTC): the first session of 2026/27.
  const may = createSession(hr, {
    startsAt: "2026-03-31T23:30:00.000Z",
    endsAt: "2026-04-01T03:30:00.000Z",
  }).id;
  setNomination(book(may, a1), { state: "fully_attended" });
  const noShow = book(may, a2);
  setNomination(noShow, { state: "no_show" });
  const late = book(may, a3);
  setNomination(late, { state: "cancelled" });
  setNomination(book(may, a4), { state: "fully_attended", unscheduled: true });
  const original = book(may, b1);
  setNomination(original, { state: "cancelled" });
  setNomination(book(may, b2), { state: "fully_attended", substitutedForId: original });
  charge({
    agencyId: county,
    nominationId: late,
    sessionId: may,
    staffId: a3,
    kind: "late_cancellation",
    amountPence: 5000,
  });
  charge({
    agencyId: county,
    nominationId: noShow,
    sessionId: may,
    staffId: a2,
    kind: "no_show",
    amountPence: 9000,
  });

  const july = createSession(hr, {
    startsAt: "2026-07-10T08:30:00.000Z",
    endsAt: "2026-07-10T15:30:00.000Z",
  }).id;
  const forgiven = book(july, b1);
  setNomination(forgiven, { state: "fully_attended" });
  setNomination(book(july, nobody), { state: "partially_attended" });
  charge({
    agencyId: police,
    nominationId: forgiven,
    sessionId: july,
    staffId: b1,
    kind: "no_show",
    amountPence: 2500,
    waived: true,
  });

  // A session the partnership cancelled counts for nobody.
  const cancelled = createSession(hr, {
    startsAt: "2026-06-01T08:30:00.000Z",
    endsAt: "2026-06-01T11:30:00.000Z",
  }).id;
  setNomination(book(cancelled, a1), { state: "cancelled" });
  app.db
    .update(trainingSessions)
    .set({ cancelledAt: app.clock.now.toISOString(), cancelReason: "Trainer ill" })
    .where(eq(trainingSessions.id, cancelled))
    .run();
});

const COUNTS = AGENCY_ATTENDANCE_COLUMNS.filter(
  (column) => column.format !== "text" && column.format !== "percent",
);

function expectRowsToSumToTotals(report: { rows: AgencyAttendance[]; totals: AgencyAttendance }) {
  for (const { key } of COUNTS) {
    const sum = report.rows.reduce((total, row) => total + Number(row[key]), 0);
    expect(sum, key).toBe(report.totals[key]);
  }
  for (const row of [...report.rows, report.totals]) {
    expect(row.attendanceRate).toBe(row.bookings === 0 ? null : row.attended / row.bookings);
  }
}

describe("attendance by agency", () => {
  test("counts each agency's bookings and what became of them over the financial year", () => {
    const report = agencyAttendance(hr, reportPeriod("2026/27"));
    expect(report.rows).toEqual([
      {
        agencyId: county,
        agency: "Northshire County Council",
        bookings: 3,
        attended: 2,
        cancelled: 1,
        lateCancellations: 1,
        noShows: 1,
        substitutes: 0,
        unscheduled: 1,
        attendanceRate: 2 / 3,
        chargesPence: 14_000,
      },
      {
        agencyId: police,
        agency: "Northshire Police",
        ...ZERO,
        bookings: 2,
        attended: 2,
        substitutes: 1,
        attendanceRate: 1,
      },
      {
        agencyId: null,
        agency: "No agency recorded",
        ...ZERO,
        bookings: 1,
        attended: 1,
        attendanceRate: 1,
      },
    ]);
    expect(report.totals).toMatchObject({ bookings: 6, attended: 5, chargesPence: 14_000 });
    expectRowsToSumToTotals(report);
  });

  test("a quarter counts its own sessions only, and every agency keeps its row", () => {
    const report = agencyAttendance(hr, reportPeriod("2026/27", 2));
    expect(report.rows.map((row) => [row.agency, row.bookings, row.chargesPence])).toEqual([
      ["Northshire County Council", 0, 0],
      ["Northshire Police", 1, 0],
      ["No agency recorded", 1, 0],
    ]);
    expectRowsToSumToTotals(report);
  });

  test("a session at half past midnight on 1 April in London is not in the year before", () => {
    const report = agencyAttendance(hr, reportPeriod("2025/26", 4));
    expect(report.totals).toMatchObject({ ...ZERO, agency: "Total" });
  });

  test("an agency lead sees their own agency's row only, and the totals are that row's", () => {
    const lead: SessionUser = { ...org.users.agency_lead, agencyId: county };
    const report = agencyAttendance(scopeAs(app, lead), reportPeriod("2026/27"));
    expect(report.rows.map((row) => row.agency)).toEqual(["Northshire County Council"]);
    expect(report.totals).toMatchObject({ bookings: 3, attended: 2, chargesPence: 14_000 });
    expectRowsToSumToTotals(report);
  });

  test("an agency lead with no agency sees nothing", () => {
    const report = agencyAttendance(scopeAs(app, org.users.agency_lead), reportPeriod("2026/27"));
    expect(report.rows).toEqual([]);
    expect(report.totals).toMatchObject(ZERO);
  });

  test("another organisation's agencies and bookings never appear", async () => {
    const other = await app.createOrganisation("Southshire");
    const report = agencyAttendance(scopeAs(app, other.users.hr), reportPeriod("2026/27"));
    expect(report.rows).toEqual([]);
  });
});

describe("boardReport.get", () => {
  test("gives every section for the period, with the years there are sessions for", async () => {
    app.clock.now = new Date("2027-05-04T09:00:00.000Z");
    const report = await app
      .caller(org.users.hr)
      .boardReport.get({ financialYear: "2026-27", quarter: 1 });
    expect(report.period).toEqual({
      financialYear: "2026/27",
      financialYearStart: 2026,
      quarter: 1,
      start: "2026-04-01",
      end: "2026-06-30",
      label: "Q1 2026/27 (1 April to 30 June 2026)",
    });
    expect(report.financialYears).toEqual(["2027/28", "2026/27"]);
    const [attendance] = report.sections;
    expect(attendance).toMatchObject({
      key: "attendance-by-agency",
      title: "Attendance by agency",
    });
    expect(attendance?.rows.map((row) => row.agency)).toEqual([
      "Northshire County Council",
      "Northshire Police",
      "No agency recorded",
    ]);
    expect(attendance?.totals).toMatchObject({
      agency: "Total",
      bookings: 5,
      chargesPence: 14_000,
    });
  });

  test("names a section it does not have", async () => {
    await expect(
      app
        .caller(org.users.hr)
        .boardReport.get({ financialYear: "2026/27", section: "no-such-section" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("no-such-section") as string,
    });
  });

  test("refuses a quarter other than 1 to 4 and a year it cannot read, naming the field", async () => {
    const caller = app.caller(org.users.hr);
    await expect(
      caller.boardReport.get({ financialYear: "2026/27", quarter: 5 as never }),
    ).rejects.toThrow(/quarter/);
    await expect(caller.boardReport.get({ financialYear: "2026" })).rejects.toThrow(
      /financialYear/,
    );
  });

  test("is refused to a manager, who has no partnership figures", async () => {
    await expect(
      app.caller(org.users.manager).boardReport.get({ financialYear: "2026/27" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
