import { describe, expect, test } from "vitest";

import { auditLog, departments, staff } from "../db/schema";
import { createDepartment, createStaff, scopeAs } from "../test/builders";
import { READ_ONLY_ROLES, useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const HEADER = "Employee Number,Name,Email,Job Title,Department,Manager Employee Number,Active";

const FILE = [
  HEADER,
  "N2,Asha Patel,asha@northshire.example,Housing Officer,Housing,N1,yes",
  "N3,Ben Ode,,Benefits Assessor,revenues & benefits,N1,",
  "N1,Mo Manager,mo@northshire.example,Service Manager,Housing,,Y",
  '"N4","Cat Lee, Jr",,Clerk,Revenues & Benefits,N1,no',
].join("\r\n");

function counts() {
  return {
    staff: t.app.db.select().from(staff).all().length,
    departments: t.app.db.select().from(departments).all().length,
    audit: t.app.db.select().from(auditLog).all().length,
  };
}

describe("staff.importCsv", () => {
  test("adds staff and the departments the file names, managers anywhere in the file", async () => {
    createDepartment(t.hr, "Housing");
    const result = await t.app.caller(t.org.users.hr).staff.importCsv({ csv: FILE });
    expect(result).toEqual({
      dryRun: false,
      written: true,
      counts: { created: 4, updated: 0, unchanged: 0 },
      departmentsCreated: ["revenues & benefits"],
      errors: [],
      errorCount: 0,
    });
    const listed = await t.app.caller(t.org.users.hr).staff.list({});
    expect(
      listed.items.map((item) => [
        item.name,
        item.departmentName,
        item.managerName,
        item.email,
        item.active,
      ]),
    ).toEqual([
      ["Asha Patel", "Housing", "Mo Manager", "asha@northshire.example", true],
      ["Ben Ode", "revenues & benefits", "Mo Manager", null, true],
      ["Cat Lee, Jr", "revenues & benefits", "Mo Manager", null, false],
      ["Mo Manager", "Housing", null, "mo@northshire.example", true],
    ]);
  });

  test("importing the same file again changes nothing and writes no audit rows", async () => {
    const caller = t.app.caller(t.org.users.hr);
    await caller.staff.importCsv({ csv: FILE });
    const before = counts();
    await expect(caller.staff.importCsv({ csv: FILE })).resolves.toMatchObject({
      written: true,
      counts: { created: 0, updated: 0, unchanged: 4 },
      departmentsCreated: [],
    });
    expect(counts()).toEqual(before);
    const changed = FILE.replace("Clerk", "Senior Clerk");
    await expect(caller.staff.importCsv({ csv: changed })).resolves.toMatchObject({
      counts: { created: 0, updated: 1, unchanged: 3 },
    });
    expect(counts().audit).toBe(before.audit + 2);
  });

  test("lists every bad row by line and column, and writes nothing", async () => {
    createStaff(scopeAs(t.app, t.other.users.hr), { employeeNumber: "S1" });
    const csv = [
      HEADER,
      "N1,Asha Patel,not-an-email,Officer,Housing,,maybe",
      "N2,,,Officer,,,",
      "N1,Asha Again,,Officer,Housing,,",
      "N3,Ben Ode,,Officer,Housing,S1,",
      "N4,Cy Self,,Officer,Housing,N4,",
      "N5,Too,Many,Values,Here,,,",
    ].join("\n");
    const before = counts();
    const result = await t.app.caller(t.org.users.hr).staff.importCsv({ csv });
    expect(result).toMatchObject({ written: false, dryRun: false });
    expect(result.errors).toEqual([
      {
        line: 2,
        column: "email",
        message: "must be an email address, like name@council.gov.uk",
      },
      { line: 2, column: "active", message: "must be yes or no" },
      { line: 3, column: "name", message: "must not be empty" },
      { line: 3, column: "department", message: "must not be empty" },
      { line: 4, column: "employee_number", message: "Employee number N1 is also on line 2" },
      {
        line: 5,
        column: "manager_employee_number",
        message: "No member of staff has employee number S1, in this file or already saved",
      },
      {
        line: 6,
        column: "manager_employee_number",
        message: "A member of staff cannot be their own manager",
      },
      {
        line: 7,
        column: null,
        message: "This line has 8 values but the header has 7 columns",
      },
    ]);
    expect(counts()).toEqual(before);
  });

  test("a dry run reports what would happen and writes nothing", async () => {
    const before = counts();
    await expect(
      t.app.caller(t.org.users.hr).staff.importCsv({ csv: FILE, dryRun: true }),
    ).resolves.toEqual({
      dryRun: true,
      written: false,
      counts: { created: 4, updated: 0, unchanged: 0 },
      departmentsCreated: ["Housing", "revenues & benefits"],
      errors: [],
      errorCount: 0,
    });
    expect(counts()).toEqual(before);
  });

  test("a file with the wrong header is refused by column name", async () => {
    const result = await t.app
      .caller(t.org.users.hr)
      .staff.importCsv({ csv: "employee_number,name,dept\nN1,Asha,Housing\n" });
    expect(result.errors.map((error) => [error.line, error.column])).toEqual([
      [1, "dept"],
      [1, "email"],
      [1, "job_title"],
      [1, "department"],
      [1, "manager_employee_number"],
      [1, "active"],
    ]);
  });

  test("too large a file is refused outright", async () => {
    const csv = `${HEADER}\n${"N1,Asha Patel,,Officer,Housing,,yes\n".repeat(480_000)}`;
    await expect(t.app.caller(t.org.users.hr).staff.importCsv({ csv })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message:
        "The file is 16.5 MB; the largest file you can import is 16.0 MB. Split it into smaller files.",
    });
  });

  test("roles and sign-in", async () => {
    for (const role of READ_ONLY_ROLES) {
      await expect(
        t.app.caller(t.org.users[role]).staff.importCsv({ csv: FILE }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(t.app.caller(null).staff.importCsv({ csv: FILE })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      t.app.caller(t.org.users.hr).staff.importCsv({ csv: 42 as unknown as string }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "csv: must be the text of a CSV file",
    });
    expect(counts().staff).toBe(0);
  });
});
