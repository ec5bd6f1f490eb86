import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";
import { readCsvRecords } from "@dapkit/csv";

import { auditLog, nominations, staff } from "../db/schema";
import {
  BAD_FILES,
  STAFF_HEADER as HEADER,
  type FileTargets,
  type ImportKind,
} from "./csv-bad-files";
import { exportRequest, sendAs } from "./http-calls";
import { serveSecurityWorld } from "./served-world";

// Every file of the bad-file matrix, sent in process to the import it is meant for: each is
// answered with errors that name the line (and the column, where there is one), at most 100 of
// them with the total, and writes nothing at all. csv-server-memory.test.ts sends the same files
// to a running server and watches its memory.

const served = serveSecurityWorld();

function counts() {
  const { db } = served.world.app;
  return {
    staff: db.select().from(staff).all().length,
    nominations: db.select().from(nominations).all().length,
    audit: db.select().from(auditLog).all().length,
  };
}

function targets(): FileTargets {
  return {
    employeeNumber: served.world.a.reportEmployeeNumber,
    sessionId: served.world.a.sessionId,
  };
}

async function runImport(kind: ImportKind, csv: string) {
  const { staff: s, training } = served.world.app.caller(served.world.a.users.hr);
  if (kind === "staff") return s.importCsv({ csv });
  if (kind === "nominations") return training.nominations.importCsv({ csv });
  return training.attendance.importCsv({ csv });
}

describe("CSV imports refuse bad files by line and write nothing", () => {
  test.each(BAD_FILES)("$name", async (file) => {
    const before = counts();
    const result = await runImport(file.import, file.csv(targets()));
    expect(result.written).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.length).toBeLessThanOrEqual(100);
    expect(result.errorCount).toBeGreaterThanOrEqual(result.errors.length);
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
  // OWASP's starters, their full-width forms, and a leading ; or | (issue 12, finding 14).
  const FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "＝1+1",
    "＋SUM(1)",
    "－2+3",
    "＠SUM(A1)",
    ";=1+1",
    "|calc",
  ];

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
    const cells: string[] = [];
    readCsvRecords(Buffer.from(exported.body).toString("utf8"), (record) => {
      cells.push(...record.cells);
      return true;
    });
    for (const formula of FORMULAS) {
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
