import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { auditLog, nominations, staff } from "../db/schema";
import { STAFF_COLUMNS } from "../services/imports/import-staff";
import { exportRequest, sendAs } from "./http-calls";
import { serveSecurityWorld } from "./served-world";

// A matrix of bad CSV files, each sent to the import it is meant for: every one is answered with
// errors that name the line (and the column, where there is one), and writes nothing at all.

const HEADER = STAFF_COLUMNS.join(",");
const GOOD = "N100,Asha Patel,asha@northshire.example,Housing Officer,Housing,,yes";

const served = serveSecurityWorld();

function counts() {
  const { db } = served.world.app;
  return {
    staff: db.select().from(staff).all().length,
    nominations: db.select().from(nominations).all().length,
    audit: db.select().from(auditLog).all().length,
  };
}

/** Windows-1252 bytes read as UTF-8, as a browser's `file.text()` reads a file Excel saved as "CSV". */
function asBrowserReads(bytes: number[]): string {
  return new TextDecoder().decode(new Uint8Array(bytes));
}

type Import = "staff" | "nominations" | "attendance";
interface BadFile {
  name: string;
  import: Import;
  csv: () => string;
  /** The first error's line and column, where the file makes them certain. */
  first?: { line: number; column: string | null };
}

const BAD_FILES: BadFile[] = [
  {
    name: "semicolons instead of commas",
    import: "staff",
    csv: () => `${STAFF_COLUMNS.join(";")}\n${GOOD.replaceAll(",", ";")}\n`,
    first: { line: 1, column: STAFF_COLUMNS.join(";") },
  },
  {
    name: "tabs instead of commas",
    import: "staff",
    csv: () => `${STAFF_COLUMNS.join("\t")}\n${GOOD.replaceAll(",", "\t")}\n`,
    first: { line: 1, column: STAFF_COLUMNS.join("\t") },
  },
  {
    name: "no header row",
    import: "staff",
    csv: () => `${GOOD}\nN101,Ben Ode,,Officer,Housing,,yes\n`,
    first: { line: 1, column: "N100" },
  },
  {
    name: "an extra column in the header",
    import: "staff",
    csv: () => `${HEADER},notes\n${GOOD},x\n`,
    first: { line: 1, column: "notes" },
  },
  {
    name: "an extra value on one line",
    import: "staff",
    csv: () => `${HEADER}\n${GOOD}\nN101,Ben Ode,,Officer,Housing,,yes,surplus\n`,
    first: { line: 3, column: null },
  },
  {
    name: "a quoted value never closed",
    import: "staff",
    csv: () => `${HEADER}\n${GOOD}\nN101,"Ben Ode,,Officer,Housing,,yes\n`,
    first: { line: 3, column: null },
  },
  {
    name: "a bad row after a value that spans lines (line numbers count the line break)",
    import: "staff",
    csv: () =>
      `${HEADER}\nN100,"Asha\nPatel",,Officer,Housing,,yes\nN101,Ben Ode,not-an-email,Officer,Housing,,yes\n`,
    first: { line: 4, column: "email" },
  },
  {
    name: "a 10 MB line",
    import: "staff",
    csv: () => `${HEADER}\nN100,${"A".repeat(10 * 1024 * 1024)},,Officer,Housing,,yes\n`,
    first: { line: 2, column: "name" },
  },
  {
    name: "the same person twice",
    import: "staff",
    csv: () => `${HEADER}\n${GOOD}\n${GOOD}\n`,
    first: { line: 3, column: "employee_number" },
  },
  {
    name: "a manager who is nowhere",
    import: "staff",
    csv: () => `${HEADER}\nN100,Asha Patel,,Officer,Housing,NOBODY,yes\n`,
    first: { line: 2, column: "manager_employee_number" },
  },
  {
    name: "a member of staff who is nowhere",
    import: "nominations",
    csv: () =>
      `employee_number,session_id,reason,mandatory\nNOBODY,${served.world.a.sessionId},,no\n`,
    first: { line: 2, column: "employee_number" },
  },
  {
    name: "a session given as a date instead of its id",
    import: "nominations",
    csv: () =>
      `employee_number,session_id,reason,mandatory\n${served.world.a.reportEmployeeNumber},10/05/2022,,no\n`,
    first: { line: 2, column: "session_id" },
  },
  {
    name: "an outcome that is not one",
    import: "attendance",
    csv: () =>
      `employee_number,session_id,outcome\n${served.world.a.reportEmployeeNumber},${served.world.a.sessionId},attended-ish\n`,
    first: { line: 2, column: "outcome" },
  },
  {
    name: "Windows-1252 bytes that are not UTF-8 (René, £)",
    import: "staff",
    csv: () =>
      `${HEADER}\n${GOOD}\n${asBrowserReads([...Buffer.from("N101,Ren"), 0xe9, ...Buffer.from(" Dupont,,Officer,Housing,,yes")])}\n`,
    first: { line: 3, column: "name" },
  },
  {
    name: "a binary file",
    import: "staff",
    csv: () =>
      asBrowserReads([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00]),
  },
  {
    name: "an empty file",
    import: "staff",
    csv: () => "",
    first: { line: 1, column: null },
  },
];

async function runImport(kind: Import, csv: string) {
  const { staff: s, training } = served.world.app.caller(served.world.a.users.hr);
  if (kind === "staff") return s.importCsv({ csv });
  if (kind === "nominations") return training.nominations.importCsv({ csv });
  return training.attendance.importCsv({ csv });
}

describe("CSV imports refuse bad files by line and write nothing", () => {
  test.each(BAD_FILES)("$name", async (file) => {
    const before = counts();
    const result = await runImport(file.import, file.csv());
    expect(result.written).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.message).not.toBe("");
    }
    if (file.first !== undefined) {
      expect({ line: result.errors[0]?.line, column: result.errors[0]?.column }).toEqual(
        file.first,
      );
    }
    expect(counts()).toEqual(before);
  });

  test("bytes that are not UTF-8 in the request itself are refused the same way", async () => {
    const before = counts();
    const body = Buffer.concat([
      Buffer.from(`{"csv":"${HEADER}\\nN101,Ren`),
      Buffer.from([0xe9]),
      Buffer.from(' Dupont,,Officer,Housing,,yes\\n"}'),
    ]);
    const response = await fetch(`${served.baseUrl}/trpc/staff.importCsv`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1", ...(await hrCookie()) },
      body,
    });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as {
      result: { data: { errors: { line: number; column: string }[] } };
    };
    expect(result.data.errors[0]).toMatchObject({ line: 2, column: "name" });
    expect(counts()).toEqual(before);
  });

  test("a file with or without a byte order mark, and with any line endings, imports the same", async () => {
    const { importCsv } = served.world.app.caller(served.world.a.users.hr).staff;
    const rows = ["B1,Bom Person,,Officer,Housing,,yes", "B2,Other Person,,Officer,Housing,,yes"];
    const withBom = await importCsv({
      csv: `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`,
      dryRun: true,
    });
    const without = await importCsv({ csv: `${HEADER}\n${rows.join("\n")}`, dryRun: true });
    const oldMac = await importCsv({ csv: `${HEADER}\r${rows.join("\r")}\r`, dryRun: true });
    expect(withBom).toMatchObject({ errors: [], counts: { created: 2 } });
    expect(without).toEqual(withBom);
    expect(oldMac).toEqual(withBom);
  });
});

async function hrCookie(): Promise<{ cookie: string }> {
  const { createSession } = await import("../auth/session-store");
  const { token } = createSession(
    served.world.app.db,
    served.world.a.users.hr,
    served.world.app.clock.now,
  );
  return { cookie: `dapkit_session=${token}` };
}

describe("formula injection", () => {
  const FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\t=1+1"];

  test("cells a spreadsheet would run are imported as text and neutralised in every export", async () => {
    const csv = `${HEADER}\n${FORMULAS.map(
      (formula, index) => `F${String(index)},"${formula}",,Officer,Formula Dept,,yes`,
    ).join("\n")}\n`;
    const result = await served.world.app.caller(served.world.a.users.hr).staff.importCsv({ csv });
    expect(result).toMatchObject({ written: true, errors: [] });

    const exported = await sendAs(served.baseUrl, served.world.app, {
      user: served.world.a.users.hr,
      request: exportRequest("staff", "csv"),
    });
    const lines = Buffer.from(exported.body).toString("utf8").split("\r\n");
    for (const formula of FORMULAS) {
      const cells = lines.flatMap((line) => line.split(","));
      // Trimmed on import, so the tab-led one arrives as "=1+1"; either way it leads with '.
      const stored = formula.trim();
      expect(cells, formula).toContain(`'${stored}`);
      expect(cells, formula).not.toContain(stored);
    }

    const workbook = await sendAs(served.baseUrl, served.world.app, {
      user: served.world.a.users.hr,
      request: exportRequest("staff", "xlsx"),
    });
    const xml = Object.values(unzipSync(workbook.body))
      .map((file) => strFromU8(file))
      .join("\n");
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain("cmd|");
    expect(xml).not.toMatch(/>=cmd/);
  });
});
