import { beforeEach, describe, expect, test } from "vitest";

import type { SessionUser } from "../../auth/session-user";
import { scopeAs } from "../../test/builders";
import { createTestApp, type TestApp, type TestOrganisation } from "../../test/test-app";
import type { Scope } from "../scope";
import {
  agencyAttendance,
  AGENCY_ATTENDANCE_COLUMNS,
  type AgencyAttendance,
} from "./attendance-by-agency";
import { buildAttendanceWorld } from "./attendance-fixtures";
import { reportPeriod } from "./report-period";

let app: TestApp;
let org: TestOrganisation;
let hr: Scope;
let county: string;
let police: string;

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
  ({ county, police } = buildAttendanceWorld(app, org));
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
    ]);
    expect(attendance?.totals).toMatchObject({
      agency: "Total",
      bookings: 4,
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
