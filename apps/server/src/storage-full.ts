import { AppError } from "./errors";

// SQLite's "database or disk is full", and the operating system's "no space left" and "disk quota
// exceeded": the same trouble for the person saving, whichever layer noticed it first.
const FULL = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT"]);

/**
 * The error to report when `error` (or anything in its chain of causes, as drizzle and tRPC wrap
 * them) means the disk is full; undefined for any other error.
 */
export function storageFullError(error: unknown): AppError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && FULL.has(code)) {
      return new AppError(
        "insufficient_storage",
        "There is not enough disk space on the server to save this, so nothing was saved. Ask whoever runs dapkit to free some space, then try again.",
        { cause: error },
      );
    }
  }
  return undefined;
}
