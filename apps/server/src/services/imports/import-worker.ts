// The import worker: a thread of its own, with its own connection to the database, that reads,
// checks and writes CSV imports so the server's main thread keeps answering everyone else while
// a large file is imported. Started by `import-runner.ts`; see ADR 019.
import { parentPort, workerData } from "node:worker_threads";

import { connectDb } from "../../db/client";
import { AppError } from "../../errors";
import { log } from "../../log";
import { IMPORTS } from "./import-kinds";
import type {
  ImportJob,
  ImportWorkerData,
  ImportWorkerMessage,
  WorkerError,
} from "./import-worker-messages";

// However long the main thread takes to pause its writes (a long synchronous request of its own),
// the import goes ahead after this: SQLite's own locking still keeps the two apart.
const WRITE_TURN_TIMEOUT_MS = 10_000;

const port = parentPort;
if (port == null) throw new Error("import-worker.ts runs only as a worker thread");
const data = workerData as ImportWorkerData;
// The server migrated and checked this file before it started the worker.
const db = connectDb(data.dbPath);
const writeTurn = new Int32Array(data.writeTurn);

function send(message: ImportWorkerMessage): void {
  port?.postMessage(message);
}

function describe(error: unknown): WorkerError {
  if (error instanceof AppError) {
    return { app: true, code: error.code, message: error.message, field: error.field };
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  const code = (failure as { code?: unknown }).code;
  return {
    app: false,
    name: failure.name,
    message: failure.message,
    code: typeof code === "string" ? code : undefined,
  };
}

port.on("message", (job: ImportJob) => {
  let lockedAt: number | undefined;
  const beforeWrite = () => {
    Atomics.store(writeTurn, 0, 0);
    send({ type: "write", id: job.id });
    Atomics.wait(writeTurn, 0, 0, WRITE_TURN_TIMEOUT_MS);
    lockedAt = performance.now();
  };
  try {
    const scope = { db, user: job.user, now: job.now };
    const result = IMPORTS[job.kind](scope, job.input, { beforeWrite });
    if (lockedAt !== undefined && result.written) {
      // How long everyone else's writes waited: the figure an administrator watching a large
      // import wants, and the one the benchmarks check. Counts only, never the file's contents.
      log.info("import saved", {
        entity: job.kind,
        rows: result.counts.created + result.counts.updated,
        lockedMs: Math.round(performance.now() - lockedAt),
      });
    }
    send({ type: "done", id: job.id, result });
  } catch (error) {
    send({ type: "failed", id: job.id, error: describe(error) });
  }
});
