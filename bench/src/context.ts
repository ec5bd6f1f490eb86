import {
  createCaller,
  createContextInner,
  openApp,
  type AppDeps,
  type Scope,
  type SessionUser,
} from "./server";
import type { Generated } from "./generate/generate";
import { BENCH_NOW } from "./generate/clock";

/** How many times to repeat each kind of measurement. */
export interface RunCounts {
  /** Fast queries (a report, a list page). */
  queries: number;
  /** Slow operations (an import, an evidence pack, a naive baseline over every row). */
  heavy: number;
  /** Seconds of HTTP load for the throughput measurement. */
  loadSeconds: number;
}

/** What every suite gets: the generated organisation, opened on a working copy of its data. */
export interface BenchContext {
  generated: Generated;
  dataDir: string;
  app: AppDeps & { dataDir: string };
  runs: RunCounts;
  /** The tRPC caller of `user`, as the HTTP adapter would build it. */
  callerOf(user: SessionUser): ReturnType<typeof createCaller>;
  /** A service scope for `user` at the generated organisation's "now". */
  scopeOf(user: SessionUser): Scope;
}

/** Opens a working copy of a generated data directory for the suites. */
export async function openContext(
  generated: Generated,
  options: { dataDir: string; runs: RunCounts },
): Promise<BenchContext> {
  const app = await openApp(options.dataDir);
  app.now = () => BENCH_NOW;
  return {
    generated,
    dataDir: options.dataDir,
    app,
    runs: options.runs,
    callerOf(user) {
      return createCaller(createContextInner(app, { session: { id: `bench-${user.id}`, user } }));
    },
    scopeOf(user) {
      return { db: app.db, user, now: BENCH_NOW };
    },
  };
}
