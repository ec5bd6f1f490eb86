import type { SessionUser } from "../../auth/session-user";
import type { AppErrorCode } from "../../errors";
import type { ImportKind } from "./import-kinds";
import type { ImportInput } from "./run-import";

/** What the import worker starts with. */
export interface ImportWorkerData {
  /** The database file; the worker opens its own connection to it. */
  dbPath: string;
  /**
   * One Int32 the main thread sets to 1 when the worker may take the write lock (the main thread
   * has paused its own writes); the worker sets it back to 0 before asking.
   */
  writeTurn: SharedArrayBuffer;
}

/** One import for the worker to run, as the signed-in user at the request's time. */
export interface ImportJob {
  id: number;
  kind: ImportKind;
  user: SessionUser;
  now: Date;
  input: ImportInput;
}

/** An error thrown in the worker, in the terms the main thread rebuilds it from. */
export type WorkerError =
  | { app: true; code: AppErrorCode; message: string; field: string | undefined }
  | { app: false; name: string; message: string; code: string | undefined };

/** What the worker says: it wants the write lock, or a job's outcome. */
export type ImportWorkerMessage =
  | { type: "write"; id: number }
  | { type: "done"; id: number; result: unknown }
  | { type: "failed"; id: number; error: WorkerError };
