import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import { strFromU8, strToU8 } from "fflate";
import { describe, expect, test } from "vitest";

import { callProcedure } from "../test/http-client";
import { newDataDir } from "../test/data-dir";
import { runCommand } from "../test/run-command";
import { runServer } from "../test/run-server";
import { newKeyFile, PASSWORD, rewriteZip, seededDataDir, writeKeyFile } from "./backup-fixtures";
import { signManifest, type BackupKey } from "./backup-key";
import type { Manifest } from "./backup-manifest";
import { lockDataDir } from "./data-dir-lock";

const { path: KEY_FILE } = newKeyFile();

const signIn = (baseUrl: string, password = PASSWORD) =>
  callProcedure(baseUrl, "auth.signIn", {
    mutation: true,
    input: { email: "admin@northshire.example", password },
  });

// What an attacker with the backup file does to hide their tracks: drop the triggers that keep
// the audit log append-only, delete its rows but one and forge that one.
function doctorAuditLog(path: string): void {
  const db = new Database(path);
  db.exec(`
    drop trigger audit_log_no_delete;
    drop trigger audit_log_no_update;
    delete from audit_log where id <> (select min(id) from audit_log);
    update audit_log set action = 'nothing.happened';
  `);
  db.close();
}

/**
 * The backup `file` with its database changed by `tamper` and the manifest's hash and size for it
 * recomputed, so every sha256 in it checks out; re-signed with `signWith` if given (an attacker's
 * own key, or a leaked one), else with its old signature or (`unsigned`) none.
 */
function doctoredBackup(
  file: string,
  options: { tamper: (path: string) => void; signWith?: BackupKey; unsigned?: boolean },
): string {
  return rewriteZip(file, (files) => {
    const dbPath = `${file}.dapkit.db`;
    writeFileSync(dbPath, files["dapkit.db"] ?? new Uint8Array());
    options.tamper(dbPath);
    const database = readFileSync(dbPath);
    files["dapkit.db"] = database;
    const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array())) as Manifest;
    manifest.database.sha256 = createHash("sha256").update(database).digest("hex");
    manifest.database.sizeBytes = database.length;
    if (options.signWith !== undefined) manifest.keyId = options.signWith.id;
    const text = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
    files["manifest.json"] = text;
    if (options.signWith !== undefined) {
      files["manifest.hmac"] = strToU8(`${signManifest(options.signWith, text)}\n`);
    }
    if (options.unsigned === true) delete files["manifest.hmac"];
  });
}

function auditRows(dataDir: string): number {
  const db = new Database(join(dataDir, "dapkit.db"), { readonly: true });
  try {
    return db.prepare("select count(*) from audit_log").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe("backup and restore under attack", () => {
  test("restore refuses a backup whose audit log was doctored and whose hashes were recomputed", async () => {
    const dataDir = newDataDir("dapkit-attack-");
    const server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO_PASSWORD: PASSWORD });
    const file = join(dataDir, "..", "nightly.zip");
    try {
      // Sign-ins, right and wrong, leave audit rows to delete.
      for (const password of [PASSWORD, "not the password!", PASSWORD]) {
        await signIn(server.baseUrl, password);
      }
      const backup = await runCommand(["backup", file], {
        DAPKIT_DATA_DIR: dataDir,
        DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
      });
      expect(backup.code, backup.output).toBe(0);
    } finally {
      await server.stop();
    }
    const attacker = newKeyFile("an attacker's own key, long enough to pass").key;
    const attacks = {
      "does not match its signature": doctoredBackup(file, { tamper: doctorAuditLog }),
      "was signed with another backup key": doctoredBackup(file, {
        tamper: doctorAuditLog,
        signWith: attacker,
      }),
      "is not signed": doctoredBackup(file, { tamper: doctorAuditLog, unsigned: true }),
    };
    for (const [refusal, doctored] of Object.entries(attacks)) {
      const target = newDataDir("dapkit-attack-restore-");
      const restore = await runCommand(["restore", doctored, "--force"], {
        DAPKIT_DATA_DIR: target,
        DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
      });
      expect(restore.output, refusal).toContain(refusal);
      expect(restore.output, refusal).toContain("not restored");
      expect(restore.code, refusal).toBe(1);
      expect(readdirSync(target), refusal).toEqual([]);
    }
    // The untouched backup restores, with every audit row.
    const target = newDataDir("dapkit-attack-restore-");
    const restore = await runCommand(["restore", file], {
      DAPKIT_DATA_DIR: target,
      DAPKIT_BACKUP_KEY_FILE: KEY_FILE,
    });
    expect(restore.code, restore.output).toBe(0);
    expect(auditRows(target)).toBe(auditRows(dataDir));
    expect(auditRows(target)).toBeGreaterThan(1);
  }, 120_000);

  test("a database changed outside dapkit stops the server, is not backed up and is not restored", async () => {
    const source = await seededDataDir();
    const file = join(source.dataDir, "..", "signed-before.zip");
    const env = { DAPKIT_DATA_DIR: source.dataDir, DAPKIT_BACKUP_KEY_FILE: KEY_FILE };
    try {
      expect((await runCommand(["backup", file], env)).code).toBe(0);
    } finally {
      source.close();
    }
    // The attacker reaches the live database instead, and the audit log stops being append-only.
    const db = new Database(join(source.dataDir, "dapkit.db"));
    db.exec("drop trigger audit_log_no_delete");
    db.close();
    const server = await runServer({ DAPKIT_DATA_DIR: source.dataDir });
    expect(await server.stop()).toBe(1);
    expect(server.output()).toContain(
      `The database ${join(source.dataDir, "dapkit.db")} is not one this version of dapkit made:\n  - trigger audit_log_no_delete is missing\n`,
    );
    expect(server.output()).toContain("dapkit will not run on it");
    const backup = await runCommand(["backup", `${file}.after.zip`], env);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain("No backup was made.");
    expect(existsSync(`${file}.after.zip`)).toBe(false);

    // A backup signed with the right key is still checked: one holding such a database (the
    // key leaked, say) is refused.
    const { key } = newKeyFile(readFileSync(KEY_FILE, "utf8").trim());
    const resigned = doctoredBackup(file, {
      tamper: (path) => {
        const changed = new Database(path);
        changed.exec("drop trigger audit_log_no_update");
        changed.close();
      },
      signWith: key,
    });
    const target = newDataDir("dapkit-attack-restore-");
    const restore = await runCommand(["restore", resigned], { ...env, DAPKIT_DATA_DIR: target });
    expect(restore.code).toBe(1);
    expect(restore.output).toContain("was not restored.");
    expect(restore.output).toContain("trigger audit_log_no_update is missing");
    expect(readdirSync(target)).toEqual([]);
  }, 120_000);

  test("restore --force refuses a data directory a running server uses; a server waits out a restore", async () => {
    const dataDir = newDataDir("dapkit-in-use-");
    const env = { DAPKIT_DATA_DIR: dataDir, DAPKIT_BACKUP_KEY_FILE: KEY_FILE };
    const server = await runServer({ ...env, DAPKIT_DEMO_PASSWORD: PASSWORD });
    const file = join(dataDir, "..", "earlier.zip");
    try {
      expect((await runCommand(["backup", file], env)).code).toBe(0);
      const restore = await runCommand(["restore", file, "--force"], env);
      expect(restore.output).toContain(
        `A dapkit server (or another restore) is using the data directory ${dataDir}. Stop the server, then restore`,
      );
      expect(restore.code).toBe(1);
      // The running server's database was left alone: it still answers, and what it writes stays.
      expect((await signIn(server.baseUrl)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // While a restore holds the directory, a server does not start on it.
    const restoring = lockDataDir(dataDir);
    expect(restoring).toBeDefined();
    try {
      const blocked = await runServer(env);
      expect(await blocked.stop()).toBe(1);
      expect(blocked.output()).toContain(`A restore is replacing the data directory ${dataDir}.`);
    } finally {
      restoring?.release();
    }
    const before = auditRows(dataDir);
    const restore = await runCommand(["restore", file, "--force"], env);
    expect(restore.code, restore.output).toBe(0);
    expect(auditRows(dataDir)).toBeLessThan(before);
    const restarted = await runServer(env);
    try {
      expect((await signIn(restarted.baseUrl)).status).toBe(200);
    } finally {
      await restarted.stop();
    }
  }, 120_000);

  test("backup and restore refuse to run without a usable key, and write nothing", async () => {
    const source = await seededDataDir();
    source.close();
    const file = join(source.dataDir, "..", "keyless.zip");
    const inside = join(source.dataDir, "backup.key");
    writeFileSync(inside, "x".repeat(64));
    const short = writeKeyFile("too short");
    const refusals: [Record<string, string>, string][] = [
      [{}, "there is no backup key"],
      [{ DAPKIT_BACKUP_KEY_FILE: inside }, `The backup key ${inside} is inside the data directory`],
      [{ DAPKIT_BACKUP_KEY_FILE: short }, "is too short (9 characters; at least 32"],
      [{ DAPKIT_BACKUP_KEY_FILE: `${short}.missing` }, "Cannot read the backup key"],
    ];
    for (const [settings, refusal] of refusals) {
      const env = { DAPKIT_DATA_DIR: source.dataDir, ...settings };
      const backup = await runCommand(["backup", file], env);
      expect(backup.output, refusal).toContain(refusal);
      expect(backup.code, refusal).toBe(1);
      expect(existsSync(file), refusal).toBe(false);
      const restore = await runCommand(["restore", file], env);
      expect(restore.output, refusal).toContain(refusal);
      expect(restore.code, refusal).toBe(1);
    }
  }, 120_000);
});
