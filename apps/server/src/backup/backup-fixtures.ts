import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { unzipSync, zipSync } from "fflate";

import { openApp } from "../app";
import { seedDemoIfEmpty } from "../seed/demo";
import { newDataDir } from "../test/data-dir";
import { readBackupKey, type BackupKey } from "./backup-key";

/** The demo users' password in backup tests. */
export const PASSWORD = "backup test password";

/** A file holding `secret`, outside any data directory, as an operator keeps a backup key. */
export function writeKeyFile(secret: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "dapkit-key-")), "backup.key");
  writeFileSync(path, `${secret}\n`);
  return path;
}

/** A backup key file outside any data directory, and the key it holds. For tests. */
export function newKeyFile(secret = `${"k".repeat(20)}${randomUUID()}`): {
  path: string;
  key: BackupKey;
} {
  const path = writeKeyFile(secret);
  return { path, key: readBackupKey(path, "/nonexistent/data") };
}

/** A data directory holding the demo organisation (staff, training, evidence files, funding). */
export async function seededDataDir(): Promise<{ dataDir: string; close: () => void }> {
  const dataDir = newDataDir("dapkit-backup-");
  const app = await openApp(dataDir);
  await seedDemoIfEmpty(app, { password: PASSWORD });
  return { dataDir, close: () => app.db.$client.close() };
}

/** A copy of the backup `file` with its entries changed by `change`, written beside it. */
export function rewriteZip(
  file: string,
  change: (files: Record<string, Uint8Array>) => void,
): string {
  const files = unzipSync(readFileSync(file));
  change(files);
  const out = `${file}.changed-${randomUUID()}.zip`;
  writeFileSync(out, zipSync(files));
  return out;
}
