import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { REQUIRED_STAFF_COLUMNS } from "../services/imports/import-staff";
import { integrityCheck, newDataDir } from "../test/data-dir";
import { callProcedure } from "../test/http-client";
import { runServer, type RunningServer } from "../test/run-server";

// The real server as a child process is killed with SIGKILL (no chance to tidy up) while a large
// staff import and a multi-megabyte evidence upload are in flight, at several points, and started
// again. Each time the database must pass SQLite's integrity check, hold all of the import or none
// of it, and hold no file without a revision, no revision without its file, and nothing in tmp.

const PASSWORD = "crash test password";
const ROWS = 15_000;
const UPLOAD_BYTES = 12 * 1024 * 1024;

const dataDir = newDataDir("dapkit-crash-");
const dbPath = join(dataDir, "dapkit.db");
const filesDir = join(dataDir, "files");
let server: RunningServer;
let cookies: { hr: string; lead: string };

async function start(): Promise<void> {
  server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO_PASSWORD: PASSWORD });
  const signIn = async (email: string) => {
    const response = await callProcedure(server.baseUrl, "auth.signIn", {
      mutation: true,
      input: { email, password: PASSWORD },
    });
    expect(response.status, server.output()).toBe(200);
    return (response.setCookie[0] ?? "").split(";")[0] ?? "";
  };
  cookies = {
    hr: await signIn("hr@northshire.example"),
    lead: await signIn("lead@northshire.example"),
  };
}

function staffCsv(prefix: string): string {
  const rows = Array.from(
    { length: ROWS },
    (_, index) =>
      `${prefix}-${String(index).padStart(6, "0")},Crash Person ${String(index)},,Officer,Crash Test,,yes`,
  );
  return `${REQUIRED_STAFF_COLUMNS.join(",")}\n${rows.join("\n")}\n`;
}

function importStaff(prefix: string): Promise<Response> {
  return fetch(`${server.baseUrl}/trpc/staff.importCsv`, {
    method: "POST",
    headers: { cookie: cookies.hr, "content-type": "application/json", [CSRF_HEADER]: "1" },
    body: JSON.stringify({ csv: staffCsv(prefix) }),
  });
}

/** A PDF sent a megabyte at a time, so the kill can land while it is still arriving. */
function uploadEvidence(evidenceId: string, seed: string): Promise<Response> {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= UPLOAD_BYTES) {
        controller.close();
        return;
      }
      const chunk = Buffer.alloc(1024 * 1024, seed);
      if (sent === 0) chunk.write("%PDF-1.7\n");
      sent += chunk.length;
      controller.enqueue(chunk);
      await new Promise((resolve) => setTimeout(resolve, 15));
    },
  });
  return fetch(`${server.baseUrl}/api/evidence/${evidenceId}/revisions`, {
    method: "POST",
    headers: {
      cookie: cookies.lead,
      "content-type": "application/pdf",
      "x-file-name": "large.pdf",
      [CSRF_HEADER]: "1",
    },
    body,
    duplex: "half",
  });
}

function read<T>(query: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

function staffWith(prefix: string): number {
  return read(
    (db) =>
      db
        .prepare("select count(*) from staff where employee_number like ?")
        .pluck()
        .get(`${prefix}-%`) as number,
  );
}

function storedFiles(): string[] {
  if (!existsSync(filesDir)) return [];
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Everything that must hold after any crash. */
function expectConsistent(prefix: string): void {
  expect(integrityCheck(dbPath)).toBe("ok");
  expect([0, ROWS]).toContain(staffWith(prefix));
  const revisions = read((db) =>
    db.prepare("select sha256, size_bytes as size from evidence_revisions").all(),
  ) as { sha256: string; size: number }[];
  const referenced = new Set(revisions.map((revision) => revision.sha256));
  const files = storedFiles();
  expect(files.filter((path) => path.includes(`${join("files", "tmp")}`))).toEqual([]);
  // No stored file without a revision, and no revision without its whole file.
  for (const path of files) expect(referenced, path).toContain(path.split("/").at(-1));
  for (const revision of revisions) {
    const path = join(filesDir, revision.sha256.slice(0, 2), revision.sha256);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(revision.size);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(revision.sha256);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
}

let evidenceId: string;
let importMs: number;

beforeAll(async () => {
  await start();
  const item = await callProcedure(server.baseUrl, "evidence.create", {
    mutation: true,
    cookie: cookies.lead,
    input: {
      areaId: "policies-and-procedures",
      title: "Crash test policy",
      kind: "policy",
      owner: "Crash tester",
      effectiveDate: "2021-04-01",
    },
  });
  evidenceId = (item.body as { result: { data: { id: string } } }).result.data.id;
  // A first import and upload run to the end: they work, and they time the kill points.
  const started = Date.now();
  const [imported, uploaded] = await Promise.all([
    importStaff("WARM"),
    uploadEvidence(evidenceId, "w"),
  ]);
  importMs = Date.now() - started;
  expect(imported.status).toBe(200);
  expect(uploaded.status).toBe(201);
  expect(staffWith("WARM")).toBe(ROWS);
}, 60_000);

afterAll(async () => {
  await server.stop();
});

describe("crash safety: SIGKILL in the middle of an import and an upload", () => {
  const killPoints: [string, () => Promise<void>][] = [
    ["as the requests go out", () => new Promise((r) => setTimeout(r, 5))],
    [
      "while the upload is being written to tmp",
      () =>
        waitFor(
          () => existsSync(join(filesDir, "tmp")) && readdirSync(join(filesDir, "tmp")).length > 0,
          5_000,
        ),
    ],
    ["half way through the import", () => new Promise((r) => setTimeout(r, importMs / 2))],
    ["near the end of the import", () => new Promise((r) => setTimeout(r, importMs * 0.9))],
  ];

  test.each(killPoints.map(([name, wait], index) => ({ name, wait, prefix: `K${String(index)}` })))(
    "killed $name: the data is intact after a restart",
    async ({ wait, prefix }) => {
      const pending = [importStaff(prefix), uploadEvidence(evidenceId, prefix)].map((request) =>
        request.then(
          (response) => response.status,
          () => "cut off",
        ),
      );
      await wait();
      await server.stop("SIGKILL");
      await Promise.all(pending);
      await start();
      expectConsistent(prefix);
    },
    60_000,
  );
});
