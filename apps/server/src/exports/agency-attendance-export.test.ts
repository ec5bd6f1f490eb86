import { readCsvRecords } from "@dapkit/csv";
import { expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { createContextInner } from "../context";
import { buildAttendanceWorld } from "../services/board-report/attendance-fixtures";
import { readWorkbook, sheetOf } from "../test/read-workbook";
import { useTwoOrganisations } from "../test/two-organisations";
import { NUMBER_FORMATS } from "../xlsx/cell-formats";
import { runExport, type ExportFormat } from "./run-export";

const t = useTwoOrganisations();

function download(format: ExportFormat, query: string, user: SessionUser = t.org.users.viewer) {
  const ctx = createContextInner(t.app.deps, { session: { id: "export-session", user } });
  return runExport(ctx, { name: "agency-attendance", format, query: new URLSearchParams(query) });
}

async function csvRows(query: string, user?: SessionUser): Promise<string[][]> {
  const file = await download("csv", query, user);
  const records: string[][] = [];
  readCsvRecords(
    Buffer.from(file.body).toString("utf8"),
    (record) => records.push([...record.cells]) > 0,
  );
  return records;
}

test("one row per agency in CSV: counts as numbers, charges in pounds, the rate as a percentage", async () => {
  buildAttendanceWorld(t.app, t.org);
  const [header, ...rows] = await csvRows("financialYear=2026/27");
  expect(header).toEqual([
    "Agency",
    "Bookings",
    "Attended",
    "Cancelled",
    "Late cancellations",
    "No-shows",
    "Substitutes",
    "Unscheduled attendees",
    "Attendance rate",
    "Charges (£)",
  ]);
  expect(rows.map((row) => row[0])).toEqual([
    "Northshire County Council",
    "Northshire Police",
    "No agency recorded",
  ]);
  expect(rows[0]).toEqual([
    "Northshire County Council",
    "3",
    "2",
    "1",
    "1",
    "1",
    "0",
    "1",
    "66.7%",
    "140",
  ]);
});

test("the workbook holds numbers: money in £ cells and the rate in a percentage cell", async () => {
  buildAttendanceWorld(t.app, t.org);
  const file = await download("xlsx", "financialYear=2026/27&quarter=1");
  const sheet = sheetOf(await readWorkbook(file.body), "Attendance by agency");
  const county = sheet.getRow(2);
  expect(county.getCell(1).value).toBe("Northshire County Council");
  expect(county.getCell(2).value).toBe(3);
  expect(county.getCell(9).value).toBe(0.667);
  expect(county.getCell(9).numFmt).toBe(NUMBER_FORMATS.percent);
  expect(county.getCell(10).value).toBe(140);
  expect(county.getCell(10).numFmt).toBe(NUMBER_FORMATS.money);
});

test("an agency lead downloads their own agency's row only", async () => {
  const { police } = buildAttendanceWorld(t.app, t.org);
  const rows = await csvRows("financialYear=2026/27", {
    ...t.org.users.agency_lead,
    agencyId: police,
  });
  expect(rows.slice(1).map((row) => row[0])).toEqual(["Northshire Police"]);
});

test("a bad quarter is refused naming it; a manager may not download; another organisation sees none", async () => {
  buildAttendanceWorld(t.app, t.org);
  await expect(download("csv", "financialYear=2026/27&quarter=9")).rejects.toThrow(/quarter/);
  await expect(download("csv", "", t.org.users.manager)).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
  expect(await csvRows("financialYear=2026/27", t.other.users.hr)).toHaveLength(1);
});
