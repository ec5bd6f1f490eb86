import { readFileSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { newDataDir } from "../test/data-dir";
import { callProcedure } from "../test/http-client";
import { runServer, type RunningServer } from "../test/run-server";
import {
  BAD_FILES,
  IMPORT_PROCEDURES,
  STAFF_HEADER,
  type FileTargets,
  type ImportKind,
} from "./csv-bad-files";

// Issue 12, finding 3: one CSV file grew the server to 4.3 GB until it died. Every file of the
// bad-file matrix, and files over the import limits, is sent over HTTP to the real server running
// as its own process; it must answer each with a short list of problems and their total (or a
// clear refusal), write nothing, stay within 512 MB of resident memory at its peak, and still
// answer afterwards.

const PASSWORD = "csv memory check 7Qz passphrase";
const PEAK_RSS_LIMIT_BYTES = 512 * 1024 * 1024;
const dataDir = newDataDir("dapkit-csv-memory-");
let server: RunningServer;
let cookie: string;
let targets: FileTargets;

interface Answer {
  status: number;
  data?: {
    written: boolean;
    counts: { created: number; updated: number; unchanged: number };
    errors: { line: number; column: string | null; message: string }[];
    errorCount: number;
  };
  error?: { message: string };
}

async function call(path: string, input: unknown, mutation = false): Promise<Answer> {
  const response = await callProcedure(server.baseUrl, path, { mutation, cookie, input });
  const body = response.body as { result?: { data: Answer["data"] }; error?: Answer["error"] };
  return { status: response.status, data: body.result?.data, error: body.error };
}

function importFile(kind: ImportKind, csv: string, dryRun = false): Promise<Answer> {
  return call(IMPORT_PROCEDURES[kind], { csv, dryRun }, true);
}

// Read through a separate connection, as the server holds its own.
function rowCounts(): Record<string, number> {
  const db = new Database(join(dataDir, "dapkit.db"), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      db.prepare(`select count(*) from ${table}`).pluck().get() as number;
    return { staff: count("staff"), nominations: count("nominations"), audit: count("audit_log") };
  } finally {
    db.close();
  }
}

// The most resident memory the server process has used since it started (Linux's high-water mark).
function peakRssBytes(): number {
  const status = readFileSync(`/proc/${String(server.child.pid)}/status`, "utf8");
  const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kilobytes === undefined) throw new Error("No VmHWM line in the process status");
  return Number(kilobytes) * 1024;
}

beforeAll(async () => {
  server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO_PASSWORD: PASSWORD });
  const signIn = await callProcedure(server.baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: "hr@northshire.example", password: PASSWORD },
  });
  expect(signIn.status, server.output()).toBe(200);
  cookie = (signIn.setCookie[0] ?? "").split(";")[0] ?? "";
  const people = await call("staff.list", { pageSize: 1, active: true });
  const sessions = await call("training.sessions.list", { pageSize: 1 });
  const first = (answer: Answer, key: string) =>
    String((answer.data as unknown as { items: Record<string, unknown>[] }).items[0]?.[key]);
  targets = { employeeNumber: first(people, "employeeNumber"), sessionId: first(sessions, "id") };
}, 60_000);

afterAll(async () => {
  await server.stop();
});

describe("a running server survives every bad CSV file in bounded memory", () => {
  test.each(BAD_FILES)(
    "$name: a short list of problems with their total, and nothing written",
    async (file) => {
      const before = rowCounts();
      const answer = await importFile(file.import, file.csv(targets));
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      const { data } = answer;
      expect(data?.written).toBe(false);
      expect(data?.errors.length).toBeGreaterThan(0);
      expect(data?.errors.length).toBeLessThanOrEqual(100);
      expect(data?.errorCount).toBeGreaterThanOrEqual(data?.errors.length ?? 0);
      if (file.first !== undefined) {
        expect({ line: data?.errors[0]?.line, column: data?.errors[0]?.column }).toEqual(
          file.first,
        );
      }
      expect(rowCounts()).toEqual(before);
    },
    60_000,
  );

  test("a file of 100,000 bad rows lists the first 100 and counts them all", async () => {
    const answer = await importFile("staff", `${STAFF_HEADER}\n${"x,1\n".repeat(100_000)}`, true);
    expect(answer.data?.errors.map((error) => error.line)).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 2),
    );
    expect(answer.data?.errorCount).toBe(100_000);
  }, 60_000);

  test("a header and 1,000,000 junk lines is refused as soon as the row limit is passed", async () => {
    const before = rowCounts();
    const answer = await importFile("staff", `${STAFF_HEADER}\n${"x,1\n".repeat(1_000_000)}`, true);
    expect(answer.status).toBe(413);
    expect(answer.error?.message).toBe(
      "The file has more than 100,000 rows; the most you can import at once is 100,000. Split it into smaller files.",
    );
    expect(rowCounts()).toEqual(before);
  }, 60_000);

  test("afterwards its peak memory stayed under 512 MB and it still imports a good file", async () => {
    const answer = await importFile(
      "staff",
      `${STAFF_HEADER}\r\nM1,Mira Memory,,Officer,Housing,,yes\r\n\r\n\r\n`,
      true,
    );
    expect(answer.data).toMatchObject({ errors: [], errorCount: 0, counts: { created: 1 } });
    const peak = peakRssBytes();
    process.stdout.write(`server peak RSS: ${(peak / 1024 / 1024).toFixed(0)} MB\n`);
    expect(peak).toBeLessThan(PEAK_RSS_LIMIT_BYTES);
  }, 60_000);
});
