import { describe, expect, test } from "vitest";

import { createContextInner } from "../context";
import { createAgency, createDepartment, createStaff } from "../test/builders";
import { readWorkbook, sheetOf } from "../test/read-workbook";
import { useTwoOrganisations } from "../test/two-organisations";
import { runExport } from "./run-export";

const t = useTwoOrganisations();

async function exportStaff(format: "csv" | "xlsx") {
  const ctx = createContextInner(t.app.deps, {
    session: { id: "export-session", user: t.org.users.hr },
  });
  return (await runExport(ctx, { name: "staff", format })).body;
}

const csvOf = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "");

/** Everyone's records as the staff list gives them, without the times they were saved. */
async function everyone() {
  const { items } = await t.app.caller(t.org.users.hr).staff.list({ pageSize: 100 });
  return items.map(({ createdAt: _created, updatedAt: _updated, ...person }) => person);
}

/** Managers above managers, a leaver, someone with no email, a name with a comma. */
function seed() {
  const housing = createDepartment(t.hr, "Housing Needs");
  const director = createStaff(t.hr, { name: "Dee Director", email: "dee@example.org" });
  const lead = createStaff(t.hr, {
    name: "Lee Lead",
    managerId: director.id,
    departmentId: housing.id,
  });
  createStaff(t.hr, { name: "Jones, Sam", managerId: lead.id, jobTitle: "Housing officer" });
  createStaff(t.hr, { name: "Former Member", managerId: lead.id, active: false });
  return { lead };
}

describe("the staff export imports back unchanged", () => {
  test("export, dry run (no changes), import, and the staff are as they were", async () => {
    seed();
    const before = await everyone();
    const csv = csvOf(await exportStaff("csv"));
    const hr = t.app.caller(t.org.users.hr);

    const dryRun = await hr.staff.importCsv({ csv, dryRun: true });
    expect(dryRun.errors).toEqual([]);
    expect(dryRun.counts).toEqual({ created: 0, updated: 0, unchanged: before.length });

    const imported = await hr.staff.importCsv({ csv, dryRun: false });
    expect(imported.errors).toEqual([]);
    expect(imported.counts.updated).toBe(0);
    expect(await everyone()).toEqual(before);
  });

  test("in a partnership each person's agency, archived or not, goes out and comes back", async () => {
    const hr = t.app.caller(t.org.users.hr);
    await t.app.caller(t.org.users.admin).partnership.settings.update({ runsAsPartnership: true });
    const police = createAgency(t.hr, { name: "Northshire Police", kind: "police" });
    const closed = createAgency(t.hr, { name: "Northshire Trust", kind: "nhs_trust" });
    createStaff(t.hr, { name: "Pat Police", agencyId: police.id });
    createStaff(t.hr, { name: "Tess Trust", agencyId: closed.id });
    await hr.partnership.agencies.archive({ id: closed.id });
    const before = await everyone();
    const csv = csvOf(await exportStaff("csv"));
    expect(csv).toContain(",Northshire Police\r\n");
    const imported = await hr.staff.importCsv({ csv, dryRun: false });
    expect(imported.errors).toEqual([]);
    expect(imported.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await everyone()).toEqual(before);
  });

  test("a change made in the exported file is what the import finds", async () => {
    const { lead } = seed();
    const csv = csvOf(await exportStaff("csv"));
    // Sam Jones moves from Lee Lead's team to nobody's: the file names managers by number.
    const moved = csv.replace(
      new RegExp(`("Jones, Sam",[^\\r\\n]*,)${lead.employeeNumber},`),
      "$1,",
    );
    expect(moved).not.toBe(csv);
    const result = await t.app.caller(t.org.users.hr).staff.importCsv({ csv: moved, dryRun: true });
    expect(result.counts).toMatchObject({ created: 0, updated: 1 });
  });

  test("the workbook has the same columns as the file that imports", async () => {
    seed();
    const header = csvOf(await exportStaff("csv")).split("\r\n")[0];
    const sheet = sheetOf(await readWorkbook(await exportStaff("xlsx")), "Staff");
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(",")).toBe(header);
    expect(header).toBe(
      "Employee number,Name,Email,Job title,Department,Manager employee number,Active,Agency",
    );
  });
});
