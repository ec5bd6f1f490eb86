import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdtemp, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";

import Database from "better-sqlite3";

import { createDb } from "../db/client";
import { SchemaMismatchError } from "../db/verify-schema";
import { streamZip, type ZipSource } from "../evidence-pack/stream-zip";
import {
  BackupError,
  DATABASE_FILE,
  evidencePath,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  type Manifest,
  type ManifestEntry,
} from "./backup-manifest";
import { signManifest, type BackupKey } from "./backup-key";
import { hashingStream, syncToDisk } from "./durable-files";

/** What a finished backup holds. */
export interface BackupSummary {
  file: string;
  evidenceFiles: number;
  databaseBytes: number;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Copies the live database with SQLite's online backup API: other connections (a running server,
 * in this process or another) keep reading and writing, and the copy is one consistent moment.
 */
async function snapshotDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(target);
  } finally {
    db.close();
  }
}

// A signed backup vouches for what it holds: one of a database changed outside dapkit (its audit
// log's triggers dropped, say) would carry the change into every restore, so none is made.
function verifySnapshotSchema(path: string): void {
  try {
    createDb(path).$client.close();
  } catch (error) {
    if (!(error instanceof SchemaMismatchError)) throw error;
    throw new BackupError(`No backup was made. ${error.message}`, { cause: error });
  }
}

/** Checks the copy and lists the evidence files it refers to (the only ones worth keeping). */
function inspectSnapshot(path: string): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") {
      throw new BackupError(
        `The database failed SQLite's integrity check (${String(check)}), so it was not backed up.`,
      );
    }
    return db
      .prepare("select distinct sha256 from evidence_revisions order by sha256")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

// Each file is hashed as it streams into the ZIP, so it is read once; evidence files are named by
// their sha256, so a file whose bytes do not match its name is damaged and stops the backup.
function* backupSources(options: {
  dataDir: string;
  snapshot: string;
  shas: readonly string[];
  createdAt: Date;
  key: BackupKey;
}): Generator<ZipSource> {
  const files: ManifestEntry[] = [];
  let database: ManifestEntry | undefined;
  const open = (path: string, from: string, check?: string): (() => Readable) => {
    return () =>
      createReadStream(from).pipe(
        hashingStream((hashed) => {
          if (check !== undefined && hashed.sha256 !== check) {
            throw new BackupError(
              `The evidence file ${from} does not match its sha256: it is damaged. Restore it from an earlier backup.`,
            );
          }
          const entry = { path, ...hashed };
          if (path === DATABASE_FILE) database = entry;
          else files.push(entry);
        }),
      );
  };
  yield { path: DATABASE_FILE, open: open(DATABASE_FILE, options.snapshot), compress: true };
  for (const sha256 of options.shas) {
    const path = evidencePath(sha256);
    const from = join(options.dataDir, path);
    if (!existsSync(from)) {
      throw new BackupError(`The evidence file ${from} is missing, so the backup was stopped.`);
    }
    // Most evidence (PDF, the newer Office formats, images) is compressed already.
    yield { path, open: open(path, from, sha256), compress: false };
  }
  if (database === undefined) throw new BackupError("The database copy was not read");
  const manifest: Manifest = {
    format: "dapkit-backup",
    version: 2,
    createdAt: options.createdAt.toISOString(),
    keyId: options.key.id,
    database: { ...database, path: DATABASE_FILE },
    files,
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  yield { path: MANIFEST_FILE, text };
  // The manifest holds every file's sha256, so signing it authenticates the whole backup.
  yield { path: SIGNATURE_FILE, text: `${signManifest(options.key, Buffer.from(text, "utf8"))}\n` };
}

/**
 * Writes a backup of the data directory to `file`: one ZIP holding a consistent copy of the
 * database, every evidence file it refers to, a manifest with the sha256 of each and the
 * manifest's HMAC under the operator's backup key. Safe while
 * the server runs. The ZIP is written beside `file` and renamed into place once complete and on
 * disk, so `file` is only ever a whole backup (an earlier one at that name stays until then).
 */
export async function createBackup(options: {
  dataDir: string;
  file: string;
  key: BackupKey;
  now?: Date;
}): Promise<BackupSummary> {
  const dataDir = resolve(options.dataDir);
  const target = resolve(options.file);
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) {
    throw new BackupError(
      `There is no database to back up in ${dataDir}. Set DAPKIT_DATA_DIR to the server's data directory.`,
    );
  }
  let work: string;
  try {
    work = await mkdtemp(join(dirname(target), ".dapkit-backup-"));
  } catch (error) {
    throw new BackupError(
      `Cannot write the backup to ${target}: ${errorCode(error)}. Choose a file in a folder you can write to.`,
      { cause: error },
    );
  }
  try {
    const snapshot = join(work, DATABASE_FILE);
    await snapshotDatabase(source, snapshot);
    verifySnapshotSchema(snapshot);
    const shas = inspectSnapshot(snapshot);
    const partial = join(work, "backup.zip");
    const out = createWriteStream(partial);
    const createdAt = options.now ?? new Date();
    // Waiting for the file to close as well catches a failed write (a full disk) with its cause.
    await Promise.all([
      streamZip(out, {
        sources: backupSources({ dataDir, snapshot, shas, createdAt, key: options.key }),
        modifiedAt: createdAt,
      }),
      finished(out),
    ]);
    await syncToDisk(partial);
    await rename(partial, target);
    await syncToDisk(dirname(target));
    return { file: target, evidenceFiles: shas.length, databaseBytes: (await stat(snapshot)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
