import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { createContextInner } from "../context";
import { createSession } from "../test/builders";
import { AFTER_BANK_HOLIDAY, chargesWorld } from "../test/charges-world";
import { readWorkbook, sheetOf } from "../test/read-workbook";
import { useTwoOrganisations } from "../test/two-organisations";
import { NUMBER_FORMATS } from "../xlsx/cell-formats";
import { runExport } from "./run-export";

const t = useTwoOrganisations();
const { hr, partnership, personOf, bookingOn, cancelOn, priceForNonMembers } = chargesWorld(t);

async function download(format: "csv" | "xlsx", query: string, user = t.org.users.hr) {
  const ctx = createContextInner(t.app.deps, { session: { id: "export-session", user } });
  return runExport(ctx, { name: "charges", format, query: new URLSearchParams(query) });
}

/** A late cancellation for the police (waived), a second one, and a non-member charity's place. */
async function seedCharges() {
  const { police, charity } = await partnership();
  const session = createSession(t.hr, AFTER_BANK_HOLIDAY);
  priceForNonMembers(session.id, 10_000);
  bookingOn(session.id, personOf(charity, "Bea Cole"));
  const first = bookingOn(session.id, personOf(police, "Alex Reed"));
  const second = bookingOn(session.id, personOf(police, "Cal Dunn"));
  await cancelOn("2022-04-29", first);
  await cancelOn("2022-05-02", second);
  const list = await hr().charges.list({ financialYearStart: 2022 });
  const waived = list.charges.find((charge) => charge.staffName === "Alex Reed");
  await hr().charges.waive({ id: waived?.id ?? "", reason: "Trainer moved the date" });
  return { police, charity };
}

describe("the charges export, ready to invoice", () => {
  test("an agency's quarter in XLSX: one row per charge, real dates, pounds, and the total owed", async () => {
    const { police } = await seedCharges();
    const file = await download("xlsx", `agencyId=${police}&financialYearStart=2022&quarter=1`);
    const sheet = sheetOf(await readWorkbook(file.body), "Charges");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Date charged",
      "Agency",
      "Person",
      "Session",
      "Course",
      "Charge",
      "Basis",
      "Amount (£)",
      "Waived",
      "Reason waived",
    ]);
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(1).value as Date).toISOString().slice(0, 10)).toBe("2022-05-02");
    expect((first.getCell(4).value as Date).toISOString().slice(0, 16)).toBe("2022-05-03T09:30");
    expect([first.getCell(3).value, first.getCell(6).value, first.getCell(9).value]).toEqual([
      "Cal Dunn",
      "Late cancellation",
      "No",
    ]);
    expect(first.getCell(8).value).toBe(90);
    expect(first.getCell(8).numFmt).toBe(NUMBER_FORMATS.money);
    const waived = sheet.getRow(3);
    expect([waived.getCell(3).value, waived.getCell(9).value, waived.getCell(10).value]).toEqual([
      "Alex Reed",
      "Yes",
      "Trainer moved the date",
    ]);
    const total = sheet.getRow(4);
    expect([total.getCell(2).value, total.getCell(8).value]).toEqual(["Total owed", 90]);
  });

  test("the CSV holds the same rows, money in pounds as numbers", async () => {
    await seedCharges();
    const file = await download("csv", "financialYearStart=2022");
    const lines = new TextDecoder().decode(file.body).trim().split(/\r?\n/);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toBe(",Total owed,,,,,,190,,");
  });

  test("an agency lead's download holds their own agency's charges only", async () => {
    const { police, charity } = await seedCharges();
    const lead = { ...t.org.users.agency_lead, agencyId: police };
    const file = await download("xlsx", `agencyId=${charity}&financialYearStart=2022`, lead);
    const sheet = sheetOf(await readWorkbook(file.body), "Charges");
    const agencies = [2, 3, 4].map((row) => sheet.getRow(row).getCell(2).value);
    expect(agencies).toEqual(["Northshire Police", "Northshire Police", "Total owed"]);
  });

  test("refuses a quarter or year that is not one, naming it", async () => {
    await expect(download("csv", "financialYearStart=2022&quarter=5")).rejects.toThrow("at most 4");
    await expect(download("csv", "financialYearStart=twenty")).rejects.toThrow("whole number");
  });
});
