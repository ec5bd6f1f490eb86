import type ExcelJS from "exceljs";
import { expect, test } from "vitest";

import type { SessionUser } from "../auth/session-user";
import { createContextInner } from "../context";
import { LANCASHIRE_PLAN_NAME, lancashirePlan } from "../seed/lancashire-plan";
import { readWorkbook, sheetOf } from "../test/read-workbook";
import { useTwoOrganisations } from "../test/two-organisations";
import { NUMBER_FORMATS } from "../xlsx/cell-formats";
import { runExport } from "./run-export";

const t = useTwoOrganisations();

async function workbookOf(query: string, user: SessionUser = t.org.users.viewer) {
  const ctx = createContextInner(t.app.deps, { session: { id: "export-session", user } });
  const file = await runExport(ctx, {
    name: "funding-plan",
    format: "xlsx",
    query: new URLSearchParams(query),
  });
  return readWorkbook(file.body);
}

function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => {
    const row = sheet.getRow(i + 2);
    return Object.fromEntries(headings.map((heading, c) => [heading, row.getCell(c + 1)]));
  });
}

test("a plan's workbook: money in £ cells, carry-forwards beside money in, shares as percentages", async () => {
  const { id } = await t.app
    .caller(t.org.users.admin)
    .funding.create({ name: LANCASHIRE_PLAN_NAME, plan: lancashirePlan });
  const workbook = await workbookOf(`planId=${id}`);
  const years = rowsOf(sheetOf(workbook, "Years"));
  expect(years.map((row) => row["Financial year"]?.value)).toEqual([
    "2013/14",
    "2014/15",
    "2015/16",
    "Total",
  ]);
  const total = years[3];
  // Lancashire's "total income £4,507,446" counted the £455,000 carried forward twice.
  expect(total?.["Money in (without carry-forwards)"]?.value).toBe(4_052_446);
  expect(total?.["Carried in from earlier years"]?.value).toBe(455_000);
  expect(total?.["Gap (shortfall positive)"]?.value).toBe(-545);
  expect(total?.Cost?.numFmt).toBe(NUMBER_FORMATS.money);
  const partners = rowsOf(sheetOf(workbook, "Partners"));
  expect(partners[0]?.["Share of partners' cash"]?.value).toBe(1);
  expect(partners[0]?.["Share of partners' cash"]?.numFmt).toBe(NUMBER_FORMATS.percent);
  const workstreams = rowsOf(sheetOf(workbook, "Workstreams"));
  expect(
    workstreams.find((row) => row["Financial year"]?.value === "2014/15")?.["Share of cost"]?.value,
  ).toBe(75_122.45);
});

test("another organisation's plan is not found, and a manager may not download plans", async () => {
  const { id } = await t.app
    .caller(t.org.users.admin)
    .funding.create({ name: LANCASHIRE_PLAN_NAME, plan: lancashirePlan });
  await expect(workbookOf(`planId=${id}`, t.other.users.admin)).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(workbookOf(`planId=${id}`, t.org.users.manager)).rejects.toMatchObject({
    code: "FORBIDDEN",
  });
});
