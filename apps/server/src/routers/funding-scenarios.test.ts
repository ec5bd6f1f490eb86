import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { auditLog, fundingPlans } from "../db/schema";
import { LANCASHIRE_PLAN_NAME, lancashirePlan } from "../seed/lancashire-plan";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

// Lancashire's Year 1 table as printed in the paper (seed 003): five figures do not add up.
const YEAR_1_ROWS = [
  ["Work Theme area", "Year 1 Allocation (£)", "Year 1 Forecast (£)", "Variance (£)"],
  ["Work force and coordination", "75,127", "37,563", "30,217"],
  ["Early Support", "255,433", "187,288", "68,145"],
  ["Medium & High Risk Support", "1,021,733", "809,630", "212,035"],
  ["Perpetrators", "150,255", "12,521", "137,724"],
  ["Totals", "1,502,548", "1,047,003", "455,447"],
];
const EXPECTED_CELLS = [
  { line: 2, column: 3, diagnosis: "row_formula", expected: 3_756_400 },
  { line: 4, column: 3, diagnosis: "row_formula", expected: 21_210_300 },
  { line: 5, column: 3, diagnosis: "row_formula", expected: 13_773_400 },
  { line: 6, column: 2, diagnosis: "column_sum", expected: 104_700_200 },
  { line: 6, column: 3, diagnosis: "totals_row", expected: 45_554_600 },
];

const csv = (rows: string[][]) =>
  rows.map((row) => row.map((cell) => `"${cell}"`).join(",")).join("\n");

function cellsOf(
  findings: readonly { line: number; column: number; diagnosis: string; expected: number }[],
) {
  return findings.map(({ line, column, diagnosis, expected }) => ({
    line,
    column,
    diagnosis,
    expected,
  }));
}

function fundingAudit() {
  return t.app.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.entity === "funding_plan");
}

async function createLancashire() {
  return t.app
    .caller(t.org.users.admin)
    .funding.create({ name: LANCASHIRE_PLAN_NAME, plan: lancashirePlan });
}

describe("funding.copy", () => {
  test("copies a plan as a named scenario that records its original, audited", async () => {
    const original = await createLancashire();
    const admin = t.app.caller(t.org.users.admin);
    const copy = await admin.funding.copy({
      id: original.id,
      name: "Lancashire without the statutory partners' Year 3",
      scenario: "Partners give nothing in 2015/16",
    });
    expect(copy).toMatchObject({
      copiedFrom: { id: original.id, name: LANCASHIRE_PLAN_NAME },
      scenario: "Partners give nothing in 2015/16",
      plan: lancashirePlan,
    });
    expect(copy.id).not.toBe(original.id);
    expect(copy.result.totals.gapPence).toBe(original.result.totals.gapPence);
    // The scenario changes; the original stays as it was.
    const contributions = lancashirePlan.contributions.filter(
      (row) => row.financialYear !== "2015/16",
    );
    const changed = await admin.funding.update({
      id: copy.id,
      data: { plan: { ...copy.plan, contributions } },
    });
    expect(changed.result.years[2]?.gapPence).toBe(63_844_900);
    expect((await admin.funding.get({ id: original.id })).result.years[2]?.gapPence).toBe(0);
    const list = await admin.funding.list();
    expect(list.map((plan) => [plan.name, plan.copiedFrom?.name ?? null, plan.scenario])).toEqual([
      [LANCASHIRE_PLAN_NAME, null, null],
      [
        "Lancashire without the statutory partners' Year 3",
        LANCASHIRE_PLAN_NAME,
        "Partners give nothing in 2015/16",
      ],
    ]);
    expect(fundingAudit().map((row) => [row.action, row.entityId])).toEqual([
      ["create", original.id],
      ["create", copy.id],
      ["update", copy.id],
    ]);
  });

  test("needs manageFunding, a name of its own and a plan of the organisation", async () => {
    const { id } = await createLancashire();
    const input = { id, name: "Scenario", scenario: "A partner leaves" };
    for (const role of ["hr", "accreditation_lead", "manager", "viewer"] as const) {
      await expect(t.app.caller(t.org.users[role]).funding.copy(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(t.app.caller(null).funding.copy(input)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(t.app.caller(t.other.users.admin).funding.copy(input)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Funding plan not found",
    });
    const admin = t.app.caller(t.org.users.admin);
    await expect(
      admin.funding.copy({ ...input, name: LANCASHIRE_PLAN_NAME }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { field: "name" },
    });
    await expect(admin.funding.copy({ ...input, scenario: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "scenario: must not be empty",
    });
    expect(t.app.db.select().from(fundingPlans).all()).toHaveLength(1);
    expect(fundingAudit()).toHaveLength(1);
  });
});

describe("funding.checkTable", () => {
  test("Lancashire's Year 1 table pasted as CSV: every wrong cell with its expected value and diagnosis", async () => {
    const checked = await t.app
      .caller(t.org.users.viewer)
      .funding.checkTable({ format: "text", text: csv(YEAR_1_ROWS) });
    expect(checked.rows.map((row) => row.cells)).toEqual(YEAR_1_ROWS);
    expect(cellsOf(checked.findings)).toEqual(EXPECTED_CELLS);
  });

  test("the same table copied from a paper or a spreadsheet (tab-separated) gives the same cells", async () => {
    const text = `\n${YEAR_1_ROWS.map((row) => row.join("\t")).join("\r\n")}\n`;
    const checked = await t.app
      .caller(t.org.users.admin)
      .funding.checkTable({ format: "text", text });
    expect(checked.rows[0]?.line).toBe(2);
    expect(cellsOf(checked.findings)).toEqual(
      EXPECTED_CELLS.map((cell) => ({ ...cell, line: cell.line + 1 })),
    );
  });

  test("an XLSX upload: numbers as stored, % cells as percentages, a percentage split found", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Year 2");
    sheet.addRow(["Work stream", "%", "Year 2 Allocation (£)", "Year 2 Spend (£)"]);
    const rows: [string, number, number][] = [
      ["Workforce and Co-ordination", 0.05, 75_122],
      ["Early Support", 0.17, 265_416],
      ["Medium and High Risk Support", 0.68, 1_021_665],
      ["Perpetrators", 0.1, 150_245],
    ];
    for (const [name, share, amount] of rows) sheet.addRow([name, share, amount, amount]);
    sheet.addRow(["Totals", 1, 1_512_448, 1_512_448]);
    sheet.getColumn(2).numFmt = "0%";
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await t.app
      .caller(t.org.users.viewer)
      .funding.checkTable({ format: "xlsx", base64: bytes.toString("base64") });
    expect(checked.rows[1]?.cells).toEqual(["Workforce and Co-ordination", "5%", "75122", "75122"]);
    expect(cellsOf(checked.findings)).toEqual([
      { line: 3, column: 2, diagnosis: "percentage_split", expected: 25_541_600 },
    ]);
  });

  test("a table that cannot be read is refused on its field with every problem; nothing is stored", async () => {
    const viewer = t.app.caller(t.org.users.viewer);
    const headerless = viewer.funding.checkTable({ format: "text", text: "Area,Cost\nA,1\nB,2\n" });
    await expect(headerless).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "text" },
    });
    await expect(headerless).rejects.toThrow(
      /^The table line 1 \(the header\): there is no allocation column/,
    );
    await expect(
      viewer.funding.checkTable({ format: "text", text: 'Area,Allocation,Forecast\n"A,1,2\n' }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "text" } });
    await expect(
      viewer.funding.checkTable({
        format: "xlsx",
        base64: Buffer.from("not a zip").toString("base64"),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "The file cannot be read as an XLSX workbook: it is not a zip file as XLSX files are.",
      cause: { field: "base64" },
    });
    const noSheet = Buffer.from(zipSync({ "xl/workbook.xml": new Uint8Array([60]) }));
    await expect(
      viewer.funding.checkTable({ format: "xlsx", base64: noSheet.toString("base64") }),
    ).rejects.toMatchObject({
      message: "The file cannot be read as an XLSX workbook: it has no first sheet.",
    });
    await expect(
      viewer.funding.checkTable({ format: "text", text: "x".repeat(200_001) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "text: must be at most 200000 characters",
    });
    await expect(
      viewer.funding.checkTable({ format: "xlsx", base64: "%%%" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "base64: must be the file's contents in base64",
    });
    expect(fundingAudit()).toEqual([]);
  });

  test("a sheet that inflates far beyond a published table is refused before it is read", async () => {
    const huge = new Uint8Array(5_000_000).fill(32);
    const bomb = Buffer.from(zipSync({ "xl/worksheets/sheet1.xml": huge }, { level: 9 }));
    expect(bomb.length).toBeLessThan(100_000);
    await expect(
      t.app
        .caller(t.org.users.viewer)
        .funding.checkTable({ format: "xlsx", base64: bomb.toString("base64") }),
    ).rejects.toMatchObject({
      message:
        "The file cannot be read as an XLSX workbook: its first sheet is far larger than a published table.",
    });
  });

  test("needs readFunding and a signed-in user", async () => {
    const input = { format: "text" as const, text: csv(YEAR_1_ROWS) };
    await expect(t.app.caller(t.org.users.manager).funding.checkTable(input)).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(t.app.caller(null).funding.checkTable(input)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
