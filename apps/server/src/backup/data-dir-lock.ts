import { accessSync, constants, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";

/** The lock file's name in the data directory; it holds nothing and is not part of the data. */
export const LOCK_FILE = "dapkit.lock";

/** Held by whoever is using a data directory (servers, a restore) until released or it exits. */
export interface DataDirLock {
  release: () => void;
}

// The lock is a transaction on a small SQLite file of its own: the operating system holds it for
// the process (fcntl), other processes see it at once, and it goes when the process ends however
// it ends, so a crash never leaves a stale lock to clear by hand. Servers share it (several may
// serve one database, SQLite keeping their writes apart); a restore needs it alone. The database
// itself cannot be locked so: the online backup reads it while servers run.
function tryLock(path: string, mode: "shared" | "exclusive"): DataDirLock | undefined {
  const created = !existsSync(path);
  const db = new Database(path, { timeout: 0 });
  try {
    // No journal file beside it: the lock never writes, and the directory stays as it was.
    db.pragma("journal_mode = memory");
    if (mode === "exclusive") {
      db.exec("begin exclusive");
    } else {
      // A read holds SQLite's shared lock until the transaction ends.
      db.exec("begin");
      db.prepare("select count(*) from sqlite_master").get();
    }
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") return undefined;
    throw error;
  }
  return {
    release: () => {
      // A restore removes the lock file it made, leaving the directory as it found it; removed
      // while still held alone, so whoever opens the name next gets a new file to lock. A server
      // leaves it: another server may still hold it.
      if (created && mode === "exclusive") rmSync(path, { force: true });
      db.exec("rollback");
      db.close();
    },
  };
}

/**
 * For a restore: takes the data directory's lock alone, or returns undefined if a server or
 * another restore holds it. The directory must exist and be writable.
 */
export function lockDataDir(dataDir: string): DataDirLock | undefined {
  return tryLock(join(dataDir, LOCK_FILE), "exclusive");
}

/**
 * For a server: shares the lock of the data directory it is about to open, creating the
 * directory. Undefined if the directory cannot be created or written, which opening the
 * database then reports with what to do; throws if a restore holds the lock.
 */
export function claimDataDir(
  dataDir: string,
  inUse: (message: string) => Error,
): DataDirLock | undefined {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    return undefined;
  }
  const lock = tryLock(join(dataDir, LOCK_FILE), "shared");
  if (lock === undefined) {
    throw inUse(
      `A restore is replacing the data directory ${dataDir}. Start the server once it has finished.`,
    );
  }
  return lock;
}
