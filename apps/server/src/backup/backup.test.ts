import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { callProcedure } from "../test/http-client";
import { dumpTables, fileHashes, integrityCheck, newDataDir } from "../test/data-dir";
import { runCommand } from "../test/run-command";
import { runServer } from "../test/run-server";
import { newKeyFile, PASSWORD, rewriteZip, seededDataDir } from "./backup-fixtures";
import { BackupError } from "./backup-manifest";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";

const { path: KEY_FILE, key: KEY } = newKeyFile();

describe("backup and restore", () => {
  test("a backup taken while the database is open restores every table and file exactly", async () => {
    const source = await seededDataDir();
    const file = join(source.dataDir, "..", "nightly.zip");
    try {
      // The source connection stays open: the backup is online, as it would be beside the server.
      const summary = await createBackup({ dataDir: source.dataDir, file, key: KEY });
      expect(summary.evidenceFiles).toBeGreaterThan(0);
      const target = newDataDir("dapkit-restore-");
      await restoreBackup({ dataDir: target, file, force: false, key: KEY });
      expect(readdirSync(target).sort()).toEqual(["dapkit.db", "files"]);
      expect(dumpTables(join(target, "dapkit.db"))).toEqual(
        dumpTables(join(source.dataDir, "dapkit.db")),
      );
      const restoredFiles = fileHashes(join(target, "files"));
      expect(restoredFiles).toEqual(fileHashes(join(source.dataDir, "files")));
      expect(Object.keys(restoredFiles)).toHaveLength(summary.evidenceFiles);
      // Each evidence file is named by its own sha256.
      for (const [path, hash] of Object.entries(restoredFiles)) expect(path).toContain(hash);
      const manifest = unzipSync(readFileSync(file))["manifest.json"] ?? new Uint8Array();
      expect(JSON.parse(strFromU8(manifest))).toMatchObject({
        format: "dapkit-backup",
        version: 2,
        keyId: KEY.id,
        files: expect.any(Array) as unknown,
      });
    } finally {
      source.close();
    }
  });

  test("restore refuses a data directory that holds anything, unless forced", async () => {
    const source = await seededDataDir();
    const file = join(source.dataDir, "..", "backup.zip");
    try {
      await createBackup({ dataDir: source.dataDir, file, key: KEY });
      const target = newDataDir("dapkit-restore-");
      mkdirSync(target);
      writeFileSync(join(target, "notes.txt"), "keep me");
      await expect(
        restoreBackup({ dataDir: target, file, force: false, key: KEY }),
      ).rejects.toThrow(
        `The data directory ${target} is not empty. Restore into an empty directory, or stop the server and add --force to replace what is there.`,
      );
      expect(readdirSync(target)).toEqual(["notes.txt"]);
      await restoreBackup({ dataDir: target, file, force: true, key: KEY });
      expect(readdirSync(target).sort()).toEqual(["dapkit.db", "files"]);
      expect(integrityCheck(join(target, "dapkit.db"))).toBe("ok");
    } finally {
      source.close();
    }
  });

  test("a damaged or doctored backup is refused before anything is put in place", async () => {
    const source = await seededDataDir();
    const file = join(source.dataDir, "..", "backup.zip");
    try {
      await createBackup({ dataDir: source.dataDir, file, key: KEY });
      const evidence =
        Object.keys(unzipSync(readFileSync(file))).find((path) => path.startsWith("files/")) ?? "";
      const doctored = {
        "a changed evidence file": rewriteZip(file, (files) => {
          files[evidence] = new TextEncoder().encode("%PDF-1.7 forged");
        }),
        "a changed database": rewriteZip(file, (files) => {
          const db = files["dapkit.db"] ?? new Uint8Array(100);
          db[db.length - 100] = (db[db.length - 100] ?? 0) ^ 0xff;
        }),
        "a path outside the data directory": rewriteZip(file, (files) => {
          files["../../escaped.txt"] = new TextEncoder().encode("x");
        }),
        "a file the manifest does not list": rewriteZip(file, (files) => {
          files[`files/00/${"0".repeat(64)}`] = new TextEncoder().encode("x");
        }),
        "no manifest": rewriteZip(file, (files) => {
          delete files["manifest.json"];
        }),
        "a missing evidence file": rewriteZip(file, (files) => {
          delete files[evidence];
        }),
      };
      const notZip = join(source.dataDir, "..", "not-a-zip.zip");
      writeFileSync(notZip, "this is not a zip file at all");
      for (const [problem, path] of [...Object.entries(doctored), ["not a ZIP", notZip] as const]) {
        const target = newDataDir("dapkit-restore-");
        await expect(
          restoreBackup({ dataDir: target, file: path, force: false, key: KEY }),
          problem,
        ).rejects.toThrow(BackupError);
        expect(readdirSync(target), problem).toEqual([]);
      }
      expect(existsSync(join(source.dataDir, "..", "..", "escaped.txt"))).toBe(false);
    } finally {
      source.close();
    }
  });

  test("dapkit-server backup runs beside the live server; restore brings the organisation back", async () => {
    const dataDir = newDataDir("dapkit-backup-cli-");
    const server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO_PASSWORD: PASSWORD });
    const file = join(dataDir, "..", "live.zip");
    try {
      const signIn = () =>
        callProcedure(server.baseUrl, "auth.signIn", {
          mutation: true,
          input: { email: "admin@northshire.example", password: PASSWORD },
        });
      // Sign-ins write sessions and audit rows while the backup copies the database.
      const writes = Promise.all([signIn(), signIn(), signIn()]);
      const backup = await runCommand(["backup", file], {
        DAPKIT_DATA_DIR: dataDir,
        DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
      });
      await writes;
      expect(backup.output).toMatch(/^Backed up the database and \d+ evidence file\(s\) to /);
      expect(backup.code).toBe(0);
    } finally {
      await server.stop();
    }
    const target = newDataDir("dapkit-restore-cli-");
    const restore = await runCommand(["restore", file], {
      DAPKIT_DATA_DIR: target,
      DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
    });
    expect(restore.output).toContain(`into ${target}`);
    expect(restore.code).toBe(0);
    expect(integrityCheck(join(target, "dapkit.db"))).toBe("ok");
    const again = await runCommand(["restore", file], {
      DAPKIT_DATA_DIR: target,
      DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
    });
    expect(again.code).toBe(1);
    expect(again.output).toContain("is not empty");
    const usage = await runCommand(["backup"], { DAPKIT_DATA_DIR: target });
    expect(usage.code).toBe(1);
    expect(usage.output).toContain("dapkit-server backup <file>");

    const restored = await runServer({ DAPKIT_DATA_DIR: target });
    try {
      const signIn = await callProcedure(restored.baseUrl, "auth.signIn", {
        mutation: true,
        input: { email: "admin@northshire.example", password: PASSWORD },
      });
      expect(signIn.status).toBe(200);
      expect(restored.output()).not.toContain("Created the demo organisation");
    } finally {
      await restored.stop();
    }
  }, 60_000);
});
