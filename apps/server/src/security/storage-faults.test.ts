import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";

import { afterEach, describe, expect, onTestFinished, test } from "vitest";

import { openApp, StartupError } from "../app";
import { evidenceRevisions, staff } from "../db/schema";
import { createHttpServer } from "../http/create-server";
import { routes } from "../http/routes";
import { FileStore } from "../files/file-store";
import { evidenceInput, PDF_BYTES } from "../services/evidence/evidence-fixtures";
import { REQUIRED_STAFF_COLUMNS } from "../services/imports/import-staff";
import { newDataDir } from "../test/data-dir";
import { close, listen } from "../test/http-client";
import { reachableByOthers } from "../test/reachable-by-others";
import { runCommand } from "../test/run-command";
import { SERVER_DIR } from "../test/run-server";
import { createTestApp } from "../test/test-app";
import { callAs, sendAs } from "./http-calls";

// What happens when the disk fills up or the data directory cannot be written: a clear message,
// and nothing half-saved.

/** A file store on a disk that fills up after `room` bytes, as `write(2)` reports it. */
class FullDiskFileStore extends FileStore {
  constructor(
    root: string,
    private readonly room: number,
  ) {
    super(root);
  }

  protected override openTmp(path: string): Writable {
    const real = super.openTmp(path);
    let written = 0;
    const room = this.room;
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > room) {
          callback(
            Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }),
          );
          return;
        }
        real.write(chunk, callback);
      },
      final(callback) {
        real.end(callback);
      },
      destroy(error, callback) {
        real.destroy();
        callback(error);
      },
    });
  }
}

const FULL_MESSAGE =
  "There is not enough disk space on the server to save this, so nothing was saved. Ask whoever runs dapkit to free some space, then try again.";

let server: Server | undefined;

afterEach(async () => {
  if (server !== undefined) await close(server);
  server = undefined;
});

async function serve(app: ReturnType<typeof createTestApp>): Promise<string> {
  server = createHttpServer(app.deps, { webRoot: "/nonexistent", routes, trustProxy: false });
  return listen(server);
}

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

describe("a full disk", () => {
  test("an upload that fills the disk is refused with 507 and leaves no file or revision", async () => {
    const app = createTestApp();
    const org = await app.createOrganisation("Northshire");
    const root = app.deps.files.root;
    app.deps.files = new FullDiskFileStore(root, 64 * 1024);
    const item = await app.caller(org.users.accreditation_lead).evidence.create(evidenceInput());
    const baseUrl = await serve(app);
    const body = new Uint8Array(1024 * 1024);
    body.set(PDF_BYTES);
    const answer = await sendAs(baseUrl, app, {
      user: org.users.accreditation_lead,
      request: {
        method: "POST",
        path: `/api/evidence/${item.id}/revisions`,
        headers: { "content-type": "application/pdf", "x-file-name": "policy.pdf" },
        body,
      },
    });
    expect(answer.status).toBe(507);
    expect(JSON.parse(Buffer.from(answer.body).toString())).toEqual({
      error: { code: "insufficient_storage", message: FULL_MESSAGE, field: null },
    });
    expect(filesUnder(root)).toEqual([]);
    expect(app.db.select().from(evidenceRevisions).all()).toEqual([]);
  });

  test("an import into a database that cannot grow is refused in words and writes nothing", async () => {
    const app = createTestApp();
    const org = await app.createOrganisation("Northshire");
    // SQLite's own limit on the file's size gives the real SQLITE_FULL, as a full disk would.
    const pages = app.db.$client.pragma("page_count", { simple: true }) as number;
    app.db.$client.pragma(`max_page_count = ${String(pages + 2)}`);
    const rows = Array.from(
      { length: 2000 },
      (_, n) => `F${String(n)},Full Disk ${String(n)},,Officer,Housing,,yes`,
    );
    const baseUrl = await serve(app);
    const answer = await callAs(baseUrl, app, {
      user: org.users.hr,
      path: "staff.importCsv",
      input: { csv: `${REQUIRED_STAFF_COLUMNS.join(",")}\n${rows.join("\n")}\n` },
    });
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { message: FULL_MESSAGE } });
    expect(app.db.select().from(staff).all()).toEqual([]);
  });
});

describe("a data directory the server cannot use", () => {
  test("a missing data directory is created, parents and all", async () => {
    const dataDir = join(newDataDir("dapkit-missing-"), "nested", "deeper");
    const app = await openApp(dataDir);
    try {
      expect(existsSync(join(dataDir, "dapkit.db"))).toBe(true);
    } finally {
      app.db.$client.close();
    }
  });

  test("a data directory below a file stops start-up before anything is written", async () => {
    await expect(openApp("/dev/null/data")).rejects.toThrow(StartupError);
  });

  // Root may write anywhere whatever the permission bits say, so the server is started as the
  // unprivileged user "nobody" (possible only when the tests run as root, as they do in CI).
  const asNobody = process.getuid?.() === 0 ? test : test.skip;

  asNobody(
    "as nobody (runs only as root, which can switch user): a read-only data directory, or one that cannot be created, stops start-up with a clear message and no partial writes",
    async () => {
      const readOnly = newDataDir("dapkit-readonly-");
      mkdirSync(readOnly);
      chmodSync(dirname(readOnly), 0o755);
      chmodSync(readOnly, 0o555);
      const nobody = { uid: 65534, gid: 65534 };
      const restore = reachableByOthers(SERVER_DIR);
      onTestFinished(restore);
      const refused = await runCommand([], { DAPKIT_DATA_DIR: readOnly }, nobody);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `The data directory ${readOnly} is read-only. Set DAPKIT_DATA_DIR to a directory the server can write to.`,
      );
      expect(readdirSync(readOnly)).toEqual([]);

      const uncreatable = join(readOnly, "data");
      const cannot = await runCommand([], { DAPKIT_DATA_DIR: uncreatable }, nobody);
      expect(cannot.code).toBe(1);
      expect(cannot.output).toContain(
        `Cannot create the data directory ${uncreatable}: EACCES. Set DAPKIT_DATA_DIR to a directory the server can write to.`,
      );
      expect(existsSync(uncreatable)).toBe(false);
    },
    60_000,
  );
});
