import { accessSync, constants, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";

/** The lock file's name in the data directory; it holds nothing and is not part of the data. */
export const LOCK_FILE = "dapkit.lock";

/** Held by whoever is using a data directory (a server, a restore) until released or it exits. */
export interface DataDirLock {
  release: () => void;
}

// The lock is an exclusive transaction on a small SQLite file of its own: the operating system
// holds it for the process (fcntl), other processes and connections see it at once, and it goes
// when the process ends however it ends, so a crash never leaves a stale lock to clear by hand.
// The database itself cannot be locked so: the online backup reads it while the server runs.
function tryLock(path: string): DataDirLock | undefined {
  const created = !existsSync(path);
  const db = new Database(path, { timeout: 0 });
  try {
    // No journal file beside it: the lock never writes, and the directory stays as it was.
    db.pragma("journal_mode = memory");
    db.exec("begin exclusive");
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") return undefined;
    throw error;
  }
  return {
    release: () => {
      // A lock file this process made goes with it, so a restore leaves the directory as it found
      // it. Removed while still locked: whoever opens the name next gets a new file to lock.
      if (created) rmSync(path, { force: true });
      db.exec("rollback");
      db.close();
    },
  };
}

/**
 * Takes the data directory's lock, or returns undefined if a server or a restore holds it. The
 * directory must exist and be writable.
 */
export function lockDataDir(dataDir: string): DataDirLock | undefined {
  return tryLock(join(dataDir, LOCK_FILE));
}

/**
 * For the server: takes the lock of the data directory it is about to open, creating the
 * directory. Undefined if the directory cannot be created or written, which opening the
 * database then reports with what to do; throws if another process holds the lock.
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
  const lock = lockDataDir(dataDir);
  if (lock === undefined) {
    throw inUse(
      `Another dapkit server, or a restore, is using the data directory ${dataDir}. Stop it first, or set DAPKIT_DATA_DIR to another directory.`,
    );
  }
  return lock;
}
