import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import { TRPCError } from "@trpc/server";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { AppError } from "../../errors";
import { createSession, scopeAs } from "../../test/builders";
import { newDataDir } from "../../test/data-dir";
import { createTestApp, type TestApp, type TestOrganisation } from "../../test/test-app";
import { importNominationsCsv } from "./import-nominations";
import { startImportRunner, type ImportRunner } from "./import-runner";
import { REQUIRED_STAFF_COLUMNS } from "./import-staff";
import { MAX_CSV_BYTES } from "./read-import-file";

// The server runs imports on a worker thread with its own connection to the database file. These
// tests run them there too, on a real file, as the server does.

const PEOPLE = 3_000;

let app: TestApp;
let org: TestOrganisation;
let runner: ImportRunner;
let dataDir: string;

function staffFile(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `E${String(i).padStart(5, "0")},Person ${String(i)},,Officer,Housing,,yes`,
  );
  return [REQUIRED_STAFF_COLUMNS.join(","), ...rows].join("\n");
}

function nominationsFile(sessionId: string, count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `E${String(i).padStart(5, "0")},${sessionId},Refresher,no`,
  );
  return ["employee_number,session_id,reason,mandatory", ...rows].join("\n");
}

function nominationCount(): number {
  return app.db.get<{ n: number }>(sql`select count(*) as n from nominations`)?.n ?? -1;
}

beforeEach(async () => {
  dataDir = newDataDir();
  mkdirSync(dataDir, { recursive: true });
  app = createTestApp({ dbPath: join(dataDir, "dapkit.db") });
  org = await app.createOrganisation("Northshire");
  const imports = app.deps.imports;
  if (imports === undefined) throw new Error("A file database comes with an import runner");
  runner = imports;
  const staff = await app.caller(org.users.hr).staff.importCsv({ csv: staffFile(PEOPLE) });
  expect(staff.counts.created).toBe(PEOPLE);
});

afterEach(async () => {
  await runner.close();
  app.db.$client.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("imports on the import worker", () => {
  test("write what they report, and a second run of the same file changes nothing", async () => {
    const session = createSession(scopeAs(app, org.users.hr), { capacity: 10 });
    const hr = app.caller(org.users.hr);
    const file = nominationsFile(session.id, PEOPLE);
    const dry = await hr.training.nominations.importCsv({ csv: file, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, written: false, counts: { created: PEOPLE } });
    expect(nominationCount()).toBe(0);
    const first = await hr.training.nominations.importCsv({ csv: file });
    expect(first).toMatchObject({ written: true, counts: { created: PEOPLE, updated: 0 } });
    expect(nominationCount()).toBe(PEOPLE);
    const again = await hr.training.nominations.importCsv({ csv: file });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: PEOPLE });
  });

  test("keep the main thread answering: reads see the data as it was, changes wait their turn", async () => {
    const session = createSession(scopeAs(app, org.users.hr), { capacity: 10 });
    const hr = app.caller(org.users.hr);
    const order: string[] = [];
    const importing = hr.training.nominations
      .importCsv({ csv: nominationsFile(session.id, PEOPLE) })
      .then((result) => {
        order.push("import");
        return result;
      });
    // The main thread's event loop turns while the worker reads the file and then asks for the
    // write lock: it would not, were the import running here.
    let turns = 0;
    while (runner.writesIdle() === undefined) {
      turns += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(turns).toBeGreaterThan(0);
    expect(nominationCount()).toBe(0);
    expect((await hr.staff.departments.list()).map((d) => d.name)).toEqual(["Housing"]);
    const change = hr.staff.departments.create({ name: "Children's services" }).then(() => {
      order.push("change");
    });
    await Promise.all([importing, change]);
    expect(order).toEqual(["import", "change"]);
    expect(runner.writesIdle()).toBeUndefined();
    expect(nominationCount()).toBe(PEOPLE);
  });

  test("report a file's problems by line and write nothing", async () => {
    const session = createSession(scopeAs(app, org.users.hr), { capacity: 10 });
    const file = `${nominationsFile(session.id, 10)}\nNOBODY,${session.id},Refresher,no`;
    const result = await app.caller(org.users.hr).training.nominations.importCsv({ csv: file });
    expect(result).toMatchObject({ written: false, errorCount: 1 });
    expect(result.errors[0]).toMatchObject({ line: 12, column: "employee_number" });
    expect(nominationCount()).toBe(0);
    expect(runner.writesIdle()).toBeUndefined();
  });

  test("refuse a file over the limit with the same error as on the calling thread", async () => {
    const csv = `${"x".repeat(MAX_CSV_BYTES)}\n`;
    const refused = app.caller(org.users.hr).training.attendance.importCsv({ csv });
    await expect(refused).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      cause: expect.objectContaining({ field: "csv" }) as unknown,
    });
    await expect(refused).rejects.toBeInstanceOf(TRPCError);
    const direct = runner.run("attendance", scopeAs(app, org.users.hr), { csv, dryRun: false });
    await expect(direct).rejects.toBeInstanceOf(AppError);
  });

  test("refuse a file that needs more memory than the worker may use, naming the file", async () => {
    const cramped = startImportRunner(join(dataDir, "dapkit.db"), { maxOldGenerationSizeMb: 8 });
    try {
      const scope = scopeAs(app, org.users.hr);
      const refused = cramped.run("staff", scope, { csv: staffFile(PEOPLE), dryRun: false });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({
        code: "payload_too_large",
        field: "csv",
        message: expect.stringContaining("Split it into smaller files") as unknown,
      });
      expect(cramped.writesIdle()).toBeUndefined();
    } finally {
      await cramped.close();
    }
  });

  test("fail what was under way when the worker stops, and start a new worker for the next", async () => {
    const session = createSession(scopeAs(app, org.users.hr), { capacity: 10 });
    const scope = scopeAs(app, org.users.hr);
    const file = nominationsFile(session.id, PEOPLE);
    const stopped = expect(
      runner.run("nominations", scope, { csv: file, dryRun: false }),
    ).rejects.toThrow("The import worker stopped: the server is stopping");
    await runner.close();
    await stopped;
    expect(runner.writesIdle()).toBeUndefined();
    const result = await runner.run("nominations", scope, { csv: file, dryRun: false });
    expect(result.counts.created).toBe(PEOPLE);
    expect(nominationCount()).toBe(PEOPLE);
  });
});

describe("an import's plan", () => {
  test("is made again, holding the write lock, when someone writes between the plan and the writes", () => {
    const scope = scopeAs(app, org.users.hr);
    const session = createSession(scope, { capacity: 10 });
    const other = new Database(join(dataDir, "dapkit.db"));
    let asked = 0;
    // Another connection (another process, or the main thread) marks the file's first person as
    // having left after the plan was made on a snapshot in which they had not.
    const beforeWrite = () => {
      asked += 1;
      if (asked === 1)
        other.prepare("update staff set active = 0 where employee_number = 'E00000'").run();
    };
    try {
      const result = importNominationsCsv(
        scope,
        { csv: nominationsFile(session.id, 20), dryRun: false },
        { beforeWrite },
      );
      expect(asked).toBe(1);
      expect(result).toMatchObject({ written: false, errorCount: 1 });
      expect(result.errors[0]).toMatchObject({
        line: 2,
        message: expect.stringContaining("no longer active") as unknown,
      });
      expect(nominationCount()).toBe(0);
    } finally {
      other.close();
    }
  });

  test("is written as made when nobody wrote in between", () => {
    const scope = scopeAs(app, org.users.hr);
    const session = createSession(scope, { capacity: 10 });
    let asked = 0;
    const result = importNominationsCsv(
      scope,
      { csv: nominationsFile(session.id, 20), dryRun: false },
      { beforeWrite: () => (asked += 1) },
    );
    expect(asked).toBe(1);
    expect(result).toMatchObject({ written: true, counts: { created: 20 } });
    expect(nominationCount()).toBe(20);
  });
});
