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
  type Manifest,
} from "./backup-manifest";
import { syncToDisk } from "./durable-files";

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
  return path === MANIFEST_FILE || path === DATABASE_FILE || EVIDENCE_PATH.test(path);
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

function readManifest(file: string, staging: string, extracted: Extracted): Manifest {
  if (!extracted.has(MANIFEST_FILE)) throw new BackupError(`${file} ${DAMAGED}: no manifest`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(staging, MANIFEST_FILE), "utf8"));
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
  if (extracted.size !== expected.length + 1) {
    throw new BackupError(`${file} ${DAMAGED}: it holds files its manifest does not list`);
  }
}

/** The restored database is intact and every evidence file it refers to is in the backup. */
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
 * anything unless `force` is set (then what was there is replaced). Every file is unpacked into a
 * folder inside `dataDir` and checked against the manifest's sha256, and the database against
 * SQLite's integrity check, before anything is put in place; a bad backup changes nothing.
 * The server must not be running on `dataDir` meanwhile.
 */
export async function restoreBackup(options: {
  dataDir: string;
  file: string;
  force: boolean;
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
  const existing = await readdir(dataDir);
  if (existing.length > 0 && !options.force) {
    throw new BackupError(
      `The data directory ${dataDir} is not empty. Restore into an empty directory, or stop the server and add --force to replace what is there.`,
    );
  }
  const staging = await mkdtemp(join(dataDir, ".dapkit-restore-"));
  try {
    const extracted = await extract(file, staging);
    const manifest = readManifest(file, staging, extracted);
    verifyFiles(file, manifest, extracted);
    verifyDatabase(file, join(staging, DATABASE_FILE), manifest);
    await putInPlace(dataDir, staging, existing);
    return { dataDir, evidenceFiles: manifest.files.length, createdAt: manifest.createdAt };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
