import { accessSync, constants, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

import { ADDRESS_POLICY, EMAIL_POLICY, SignInLimiter } from "./auth/sign-in-limiter";
import type { AppDeps } from "./context";
import { createDb } from "./db/client";
import { evidenceRevisions } from "./db/schema";
import { FileStore } from "./files/file-store";

/** Thrown when the data directory cannot be used; the message says what to do. */
export class StartupError extends Error {
  override name = "StartupError";
}

function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StartupError(
      `Cannot create the data directory ${dataDir}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}. ` +
        "Set DAPKIT_DATA_DIR to a directory the server can write to.",
      { cause: error },
    );
  }
  try {
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    throw new StartupError(
      `The data directory ${dataDir} is read-only. Set DAPKIT_DATA_DIR to a directory the server can write to.`,
      { cause: error },
    );
  }
}

/**
 * Opens the tracker's storage in `dataDir`: the database `dapkit.db` (migrated) and the evidence
 * files under `files/`, clearing anything a crash left half-written.
 */
export async function openApp(dataDirInput: string): Promise<AppDeps & { dataDir: string }> {
  const dataDir = resolve(dataDirInput);
  prepareDataDir(dataDir);
  const db = createDb(join(dataDir, "dapkit.db"));
  const files = new FileStore(join(dataDir, "files"));
  const referenced = new Set(
    db
      .selectDistinct({ sha256: evidenceRevisions.sha256 })
      .from(evidenceRevisions)
      .all()
      .map((row) => row.sha256),
  );
  await files.sweep(referenced);
  return {
    dataDir,
    db,
    files,
    now: () => new Date(),
    limiters: {
      email: new SignInLimiter(EMAIL_POLICY),
      address: new SignInLimiter(ADDRESS_POLICY),
    },
  };
}
