import { Worker, type ResourceLimits } from "node:worker_threads";

import { AppError } from "../../errors";
import { log } from "../../log";
import type { SessionUser } from "../../auth/session-user";
import type { Db } from "../../db/client";
import { scopeOf, type Scope } from "../scope";
import { IMPORTS, type ImportKind, type ImportOutcome } from "./import-kinds";
import type {
  ImportJob,
  ImportWorkerData,
  ImportWorkerMessage,
  WorkerError,
} from "./import-worker-messages";
import type { ImportInput } from "./run-import";

/**
 * Runs CSV imports on a worker thread with its own database connection, so the main thread goes on
 * answering requests (every organisation's) while a file of 100,000 rows is read, checked and
 * written. While an import holds the write lock, `writesIdle` tells the main thread's writers to
 * wait for it rather than block the thread on SQLite's busy handler.
 */
export interface ImportRunner {
  run<K extends ImportKind>(kind: K, scope: Scope, input: ImportInput): Promise<ImportOutcome<K>>;
  /** Resolves once no import holds the write lock; undefined when none does (no need to wait). */
  writesIdle(): Promise<void> | undefined;
  /** Stops the worker; imports under way are refused. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

// From source (tests, `pnpm dev`) the worker is TypeScript, loaded through tsx with the workspace
// packages' source condition, as src/main.ts is; built, it is dist/import-worker.js beside main.js.
function spawnWorker(data: ImportWorkerData, resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    return new Worker(new URL("./import-worker.js", here), { workerData: data, resourceLimits });
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./import-worker.ts", here).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, {
    eval: true,
    workerData: data,
    resourceLimits,
    execArgv: ["--conditions=@dapkit/source"],
  });
}

/**
 * The worker's heap: room for the largest file an import takes (16 MB, 100,000 rows) and its plan,
 * with a young generation small enough that its garbage is collected as it goes. V8's default for a
 * worker let a server answering a run of bad files grow past 512 MB.
 */
export const IMPORT_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 384,
  maxYoungGenerationSizeMb: 16,
};

const OUT_OF_MEMORY = "ERR_WORKER_OUT_OF_MEMORY";

// Why the imports under way failed when the worker stopped.
function stoppedError(reason: Error | string): Error {
  if (reason instanceof Error && (reason as { code?: unknown }).code === OUT_OF_MEMORY) {
    return new AppError(
      "payload_too_large",
      "This file needs more memory than an import may use, so nothing was imported. Split it into smaller files and import them one at a time.",
      { field: "csv" },
    );
  }
  return new Error(`The import worker stopped: ${reason instanceof Error ? reason.name : reason}`);
}

function rebuild(error: WorkerError): Error {
  if (error.app) return new AppError(error.code, error.message, { field: error.field });
  // Keeps the name and code (SQLITE_FULL, say) that the error mapping reads.
  return Object.assign(new Error(error.message), { name: error.name, code: error.code });
}

/**
 * Starts the runner, and its worker, for the database file at `dbPath`. A worker that stops is
 * replaced at the next import.
 */
export function startImportRunner(
  dbPath: string,
  limits: ResourceLimits = IMPORT_WORKER_LIMITS,
): ImportRunner {
  const writeTurn = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const turn = new Int32Array(writeTurn);
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 1;
  let writing: { done: Promise<void>; open: () => void } | undefined;

  const openWrites = () => {
    writing?.open();
    writing = undefined;
  };
  const closeWrites = () => {
    if (writing !== undefined) return;
    let open: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (open = resolve));
    writing = { done, open };
  };

  const onMessage = (message: ImportWorkerMessage) => {
    if (message.type === "write") {
      // Handled between the main thread's requests, so none of its writes is under way: from here
      // new ones wait for `writesIdle`, and the worker may take the lock.
      closeWrites();
      Atomics.store(turn, 0, 1);
      Atomics.notify(turn, 0);
      return;
    }
    openWrites();
    const job = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === "done") job?.resolve(message.result as never);
    else job?.reject(rebuild(message.error));
  };

  const failAll = (reason: Error | string) => {
    openWrites();
    worker = undefined;
    for (const job of pending.values()) job.reject(stoppedError(reason));
    pending.clear();
  };

  const started = (): Worker => {
    if (worker !== undefined) return worker;
    const next = spawnWorker({ dbPath, writeTurn }, limits);
    next.on("message", onMessage);
    next.on("error", (error) => {
      // A crash of the worker itself (not an import's refusal): its message names code, not data.
      log.error("the import worker failed", { error: error.name, detail: error.message });
      failAll(error);
    });
    next.on("exit", (code) => {
      if (worker === next) failAll(`exit code ${String(code)}`);
    });
    worker = next;
    return next;
  };

  // Started now rather than on the first import, which would otherwise wait for the worker to load
  // its code and open the database.
  started();
  return {
    run(kind, scope, input) {
      const id = nextId++;
      const job: ImportJob = { id, kind, user: scope.user, now: scope.now, input };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        started().postMessage(job);
      });
    },
    writesIdle: () => writing?.done,
    async close() {
      const stopping = worker;
      worker = undefined;
      failAll("the server is stopping");
      await stopping?.terminate();
    },
  };
}

/**
 * Runs an import for a procedure: on the worker when the server has one, or here, on this thread,
 * for a database only this thread can reach (tests' in-memory databases, the benchmarks' builds).
 */
export async function runImportFor<K extends ImportKind>(
  ctx: { imports?: ImportRunner | undefined; db: Db; user: SessionUser; now: () => Date },
  kind: K,
  input: ImportInput,
): Promise<ImportOutcome<K>> {
  const scope = scopeOf(ctx);
  if (ctx.imports !== undefined) return ctx.imports.run(kind, scope, input);
  return IMPORTS[kind](scope, input) as ImportOutcome<K>;
}
