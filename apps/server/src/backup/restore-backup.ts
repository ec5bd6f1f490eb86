import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

import Database from "better-sqlite3";
import { Unzip, UnzipInflate } from "fflate";

import {
  BackupError,
  DATABASE_FILE,
  EVIDENCE_PATH,
  MANIFEST_FILE,
  ManifestSchema,
  SIGNATURE_FILE,
  type Manifest,
} from "./backup-manifest";
import { signatureMatches, type BackupKey } from "./backup-key";
import { LOCK_FILE, lockDataDir } from "./data-dir-lock";
import { syncToDisk } from "./durable-files";
import { createDb } from "../db/client";
import { SchemaMismatchError } from "../db/verify-schema";

/** What a restore put in place. */
export interface RestoreSummary {
  dataDir: string;
  evidenceFiles: number;
  createdAt: string;
}

type Extracted = Map<string, { sha256: string; sizeBytes: number }>;

const DAMAGED = "is not a dapkit backup or is damaged";

// Only the names a backup writes may come out of one: nothing can land outside the staging folder.
function allowedEntry(path: string): boolean {
  return (
    path === MANIFEST_FILE ||
    path === SIGNATURE_FILE ||
    path === DATABASE_FILE ||
    EVIDENCE_PATH.test(path)
  );
}

/** Unpacks the ZIP into `staging`, hashing every file on the way; refuses unexpected names. */
async function extract(file: string, staging: string): Promise<Extracted> {
  const extracted: Extracted = new Map();
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    if (!allowedEntry(entry.name) || extracted.has(entry.name)) {
      failure ??= new BackupError(`${file} ${DAMAGED}: it holds an unexpected "${entry.name}"`);
      return;
    }
    const target = join(staging, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    // Written synchronously as it inflates: memory stays flat and a restore is not in a hurry.
    const fd = openSync(target, "wx");
    const hash = createHash("sha256");
    let sizeBytes = 0;
    extracted.set(entry.name, { sha256: "", sizeBytes: -1 });
    entry.ondata = (error, data, final) => {
      if (error != null) {
        failure ??= new BackupError(`${file} ${DAMAGED} (${error.message})`);
        return;
      }
      hash.update(data);
      sizeBytes += data.length;
      writeSync(fd, data);
      if (final) {
        fsyncSync(fd);
        closeSync(fd);
        extracted.set(entry.name, { sha256: hash.digest("hex"), sizeBytes });
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(file)) {
      unzip.push(chunk as Uint8Array);
      if (failure !== undefined) throw failure;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} ${DAMAGED} (${(error as Error).message})`, { cause: error });
  }
  if (failure !== undefined) throw failure;
  return extracted;
}

// The keyId a manifest claims, read only to say which key a refused backup needs.
function claimedKeyId(json: string): string | undefined {
  try {
    const { keyId } = JSON.parse(json) as { keyId?: unknown };
    return typeof keyId === "string" ? keyId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The manifest, once its signature shows it was made with this key and not changed since: the
 * hashes in it can then be trusted to vouch for every other file.
 */
function readManifest(
  file: string,
  unpacked: { staging: string; extracted: Extracted },
  key: BackupKey,
): Manifest {
  const { staging, extracted } = unpacked;
  if (!extracted.has(MANIFEST_FILE)) throw new BackupError(`${file} ${DAMAGED}: no manifest`);
  if (!extracted.has(SIGNATURE_FILE)) {
    throw new BackupError(
      `${file} is not signed, so nothing shows it is unchanged since it was made; it was not restored. Restore a backup made by this version of dapkit with your backup key.`,
    );
  }
  const bytes = readFileSync(join(staging, MANIFEST_FILE));
  const signature = readFileSync(join(staging, SIGNATURE_FILE), "utf8");
  if (!signatureMatches(key, bytes, signature)) {
    const keyId = claimedKeyId(bytes.toString("utf8"));
    throw new BackupError(
      keyId !== undefined && keyId !== key.id
        ? `${file} was signed with another backup key (key ${keyId}; DAPKIT_BACKUP_KEY_FILE holds key ${key.id}). Set DAPKIT_BACKUP_KEY_FILE to the key it was made with; it was not restored.`
        : `${file} does not match its signature: it was changed after it was made, or is damaged. It was not restored.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new BackupError(`${file} ${DAMAGED}: its manifest is not JSON`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${file} ${DAMAGED}: its manifest is not valid`);
  return parsed.data;
}

/** Every file the manifest lists is there with its hash and size, and nothing else is. */
function verifyFiles(file: string, manifest: Manifest, extracted: Extracted): void {
  const expected = [manifest.database, ...manifest.files];
  for (const entry of expected) {
    const actual = extracted.get(entry.path);
    if (actual === undefined) {
      throw new BackupError(`${file} ${DAMAGED}: ${entry.path} is missing`);
    }
    const named = EVIDENCE_PATH.exec(entry.path)?.groups?.sha256;
    if (
      actual.sha256 !== entry.sha256 ||
      actual.sizeBytes !== entry.sizeBytes ||
      (named !== undefined && named !== entry.sha256)
    ) {
      throw new BackupError(`${file} ${DAMAGED}: ${entry.path} does not match its sha256`);
    }
  }
  // The manifest and its signature besides.
  if (extracted.size !== expected.length + 2) {
    throw new BackupError(`${file} ${DAMAGED}: it holds files its manifest does not list`);
  }
}

/**
 * The restored database is intact, every evidence file it refers to is in the backup, and, once
 * migrated (a backup made by an earlier version), its schema, triggers and migrations are exactly
 * those this version ships.
 */
function verifyDatabase(file: string, path: string, manifest: Manifest): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${file} ${DAMAGED}: the database is not intact`);
    const held = new Set(
      manifest.files.map((entry) => EVIDENCE_PATH.exec(entry.path)?.groups?.sha256),
    );
    const shas = db.prepare("select distinct sha256 from evidence_revisions").pluck().all();
    const missing = shas.filter((sha) => !held.has(sha as string));
    if (missing.length > 0) {
      throw new BackupError(`${file} ${DAMAGED}: ${missing.length} evidence file(s) are missing`);
    }
  } finally {
    db.close();
  }
  try {
    createDb(path).$client.close();
  } catch (error) {
    if (!(error instanceof SchemaMismatchError)) throw error;
    throw new BackupError(`${file} was not restored. ${error.message}`, { cause: error });
  }
}

/**
 * Moves whatever the data directory held into `staging/replaced` (removed with staging), then
 * the restored files, then the database last: the database appearing marks a finished restore.
 */
async function putInPlace(dataDir: string, staging: string, existing: string[]): Promise<void> {
  const replaced = join(staging, "replaced");
  await mkdir(replaced);
  for (const name of existing) await rename(join(dataDir, name), join(replaced, name));
  const files = join(staging, "files");
  if (existsSync(files)) await rename(files, join(dataDir, "files"));
  await rename(join(staging, DATABASE_FILE), join(dataDir, DATABASE_FILE));
  await syncToDisk(dataDir);
}

/**
 * Restores a backup made by `createBackup` into `dataDir`. Refuses a data directory that holds
 * anything unless `force` is set (then what was there is replaced), and one a server (or another
 * restore) is using. The manifest's signature is checked with `key`, every file is unpacked into
 * a folder inside `dataDir` and checked against the manifest's sha256, and the database against
 * SQLite's integrity check and the shipped schema, before anything is put in place; a bad backup
 * changes nothing.
 */
export async function restoreBackup(options: {
  dataDir: string;
  file: string;
  force: boolean;
  key: BackupKey;
}): Promise<RestoreSummary> {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}`);
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new BackupError(
      `Cannot create the data directory ${dataDir}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}`,
      { cause: error },
    );
  }
  // Held until the restore is done, so a server cannot start on the directory meanwhile either.
  const lock = lockDataDir(dataDir);
  if (lock === undefined) {
    throw new BackupError(
      `A dapkit server (or another restore) is using the data directory ${dataDir}. Stop the server, then restore; writes it accepted after the restore would be lost.`,
    );
  }
  try {
    const existing = (await readdir(dataDir)).filter((name) => name !== LOCK_FILE);
    if (existing.length > 0 && !options.force) {
      throw new BackupError(
        `The data directory ${dataDir} is not empty. Restore into an empty directory, or stop the server and add --force to replace what is there.`,
      );
    }
    const staging = await mkdtemp(join(dataDir, ".dapkit-restore-"));
    try {
      const extracted = await extract(file, staging);
      const manifest = readManifest(file, { staging, extracted }, options.key);
      verifyFiles(file, manifest, extracted);
      verifyDatabase(file, join(staging, DATABASE_FILE), manifest);
      await putInPlace(dataDir, staging, existing);
      return { dataDir, evidenceFiles: manifest.files.length, createdAt: manifest.createdAt };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}
