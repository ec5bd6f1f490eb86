import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { NOMINATION_STATE_LABELS } from "@dapkit/training";

import { createContextInner } from "../context";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import { lancashirePlan, lancashireVarianceTables } from "../seed/lancashire-plan";
import { createBookings, createSession, createStaff } from "../test/builders";
import { readWorkbook, sheetOf } from "../test/read-workbook";
import { useTwoOrganisations } from "../test/two-organisations";
import { NUMBER_FORMATS } from "../xlsx/cell-formats";
import { EXPORTS } from "./registry";
import { runExport } from "./run-export";

const t = useTwoOrganisations();

async function workbookOf(name: string, query = ""): Promise<ExcelJS.Workbook> {
  const ctx = createContextInner(t.app.deps, {
    session: { id: "export-session", user: t.org.users.admin },
  });
  const file = await runExport(ctx, { name, format: "xlsx", query: new URLSearchParams(query) });
  return readWorkbook(file.body);
}

/** Each row below the header as { heading: cell }. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(headings.map((heading, i) => [heading, row.getCell(i + 1)])));
  }
  return rows;
}

// A cell Excel shows as a date, read back as the wall-clock time it shows (exceljs gives Excel's
// zone-less serial dates as UTC).
function shownAt(cell: ExcelJS.Cell | undefined): string {
  expect(cell?.type, "a date cell").toBe(ExcelJS.ValueType.Date);
  return (cell?.value as Date).toISOString().slice(0, 16);
}

/** A session at 10:30 London time in August (summer time) and one in December, each booked. */
async function seed() {
  const sessionIds: string[] = [];
  const people = [
    createStaff(t.hr, { name: "Ama Summer" }),
    createStaff(t.hr, { name: "Ben Winter" }),
  ];
  for (const [i, startsAt, endsAt] of [
    [0, "2022-08-16T09:30:00.000Z", "2022-08-16T12:30:00.000Z"],
    [1, "2022-12-13T10:30:00.000Z", "2022-12-13T13:30:00.000Z"],
  ] as const) {
    const session = createSession(t.hr, { startsAt, endsAt });
    createBookings(t.hr, { sessionId: session.id, staffIds: [people[i]?.id ?? ""] });
    sessionIds.push(session.id);
  }
  await t.app.caller(t.org.users.accreditation_lead).evidence.create(evidenceInput());
  const plan = await t.app.caller(t.org.users.admin).funding.create({
    name: "Partnership plan",
    plan: lancashirePlan,
    varianceTables: lancashireVarianceTables,
  });
  await t.app.caller(t.org.users.admin).funding.create({
    name: "Another plan",
    plan: lancashirePlan,
    varianceTables: lancashireVarianceTables,
  });
  return { sessionIds, planId: plan.id };
}

describe("every XLSX export, opened by exceljs", () => {
  test("each sheet has its headings, a frozen header row and header filters", async () => {
    await seed();
    for (const definition of EXPORTS) {
      const workbook = await workbookOf(definition.name);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
        definition.sheets.map((sheet) => sheet.title),
      );
      for (const sheet of workbook.worksheets) {
        const where = `${definition.name}: ${sheet.name}`;
        expect(sheet.views[0], where).toMatchObject({ state: "frozen", ySplit: 1 });
        expect(sheet.autoFilter, where).toMatch(/^A1:[A-Z]+\d+$/);
        expect(sheet.getRow(1).getCell(1).font.bold, where).toBe(true);
      }
    }
  });

  test("a 10:30 session shows 10:30 in summer and in winter, as dates and times", async () => {
    await seed();
    const nominations = rowsOf(sheetOf(await workbookOf("nominations"), "Nominations"));
    const byName = new Map(nominations.map((row) => [row.Name?.value, row]));
    const summer = byName.get("Ama Summer")?.["Session starts"];
    expect(shownAt(summer)).toBe("2022-08-16T10:30");
    expect(summer?.numFmt).toBe(NUMBER_FORMATS.dateTime);
    expect(shownAt(byName.get("Ben Winter")?.["Session starts"])).toBe("2022-12-13T10:30");

    const sessions = rowsOf(sheetOf(await workbookOf("sessions"), "Training sessions"));
    const august = sessions.find((row) => shownAt(row.Date).startsWith("2022-08-16"));
    expect(august?.Date?.numFmt).toBe(NUMBER_FORMATS.date);
    expect(shownAt(august?.Starts)).toBe("1899-12-30T10:30");
    expect(shownAt(august?.Ends)).toBe("1899-12-30T13:30");
    expect(august?.Starts?.numFmt).toBe(NUMBER_FORMATS.time);
  });

  test("statuses are the words the pages show, never codes", async () => {
    await seed();
    const nominations = rowsOf(sheetOf(await workbookOf("nominations"), "Nominations"));
    expect(nominations.map((row) => row.Status?.value)).toEqual([
      NOMINATION_STATE_LABELS.booked,
      NOMINATION_STATE_LABELS.booked,
    ]);
    const [evidence] = rowsOf(sheetOf(await workbookOf("evidence"), "Evidence"));
    expect([evidence?.Kind?.value, evidence?.Status?.value]).toEqual(["Policy", "Draft"]);
    expect(shownAt(evidence?.Effective)).toBe("2021-04-01T00:00");
    const users = rowsOf(sheetOf(await workbookOf("users"), "Users"));
    expect(users.map((row) => row.Role?.value)).toContain("HR");
  });

  test("money is pounds in a £ format and the attendance rate a percentage", async () => {
    await seed();
    const [first] = rowsOf(sheetOf(await workbookOf("funding-years"), "Funding plan years"));
    expect(first?.["Cost (£)"]?.value).toBe(1_047_003);
    expect(first?.["Gap (£)"]?.value).toBe(-545);
    expect(first?.["Gap (£)"]?.numFmt).toBe(NUMBER_FORMATS.money);
    const [uptake] = rowsOf(sheetOf(await workbookOf("reports"), "Uptake"));
    // Nobody has attended yet: 0 of 2.
    expect(uptake?.["Attendance rate"]?.value).toBe(0);
    expect(uptake?.["Attendance rate"]?.numFmt).toBe("0.0%");
  });

  test("a session page's download holds that session's nominations only", async () => {
    const { sessionIds } = await seed();
    const sheet = sheetOf(
      await workbookOf("nominations", `sessionId=${sessionIds[1] ?? ""}`),
      "Nominations",
    );
    expect(rowsOf(sheet).map((row) => row.Name?.value)).toEqual(["Ben Winter"]);
    await expect(workbookOf("nominations", `sessionId=${"x".repeat(65)}`)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  test("a plan page's download holds that plan's years only", async () => {
    const { planId } = await seed();
    const all = rowsOf(sheetOf(await workbookOf("funding-years"), "Funding plan years"));
    expect(new Set(all.map((row) => row.Plan?.value))).toEqual(
      new Set(["Partnership plan", "Another plan"]),
    );
    const one = rowsOf(
      sheetOf(await workbookOf("funding-years", `planId=${planId}`), "Funding plan years"),
    );
    expect(new Set(one.map((row) => row.Plan?.value))).toEqual(new Set(["Partnership plan"]));
    await expect(workbookOf("funding-years", "planId=nothing-here")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
