import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setTimeout as delay } from "node:timers/promises";

import autocannon from "autocannon";

import type { BenchContext } from "../context";
import { BENCH_PASSWORD } from "../generate/organisation";
import { sampleLatency, type LatencySamples } from "../latency-sampler";
import { summarise, type Timing } from "../measure";
import { say } from "../progress";
import { BUILT_MAIN_ARGS, runServer } from "../server";
import { withRatio, type Measurement } from "../results";
import { importRows } from "../sizes";
import { lastWriteWindow, type WriteWindow } from "../write-window";
import { nominationsFile } from "./csv-import";

const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

// The server's peak resident set so far (VmHWM), in megabytes, from Linux's /proc.
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

// The real server as a child process, built as `pnpm start` builds and runs it: from source, tsx
// would load and compile the code in both the main thread and the import worker, and its memory
// would not be a council's server's.
async function startServer(dataDir: string) {
  say("  building the server, as pnpm start does");
  execFileSync(
    "pnpm",
    ["turbo", "run", "build", "--filter=@dapkit/server...", "--output-logs=errors-only"],
    { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  const server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO: "off" }, BUILT_MAIN_ARGS);
  if (server.child.exitCode != null || server.child.pid === undefined) {
    throw new Error(`The server did not start:\n${server.output()}`);
  }
  return { ...server, pid: server.child.pid };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-dapkit-request": "1" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!response.ok || cookie === undefined)
    throw new Error(`Sign-in failed: ${String(response.status)}`);
  return cookie;
}

async function load(
  url: string,
  options: { cookie: string; seconds: number },
): Promise<Timing & { timeouts: number }> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: options.seconds,
    // Long enough for the slowest report to answer rather than be counted as lost.
    timeout: 60,
    headers: { cookie: options.cookie },
  });
  if (result.non2xx > 0)
    throw new Error(`${url} answered ${String(result.non2xx)} errors under load`);
  // Requests per second are sampled each second: the median second, and in the p95 column the
  // slowest 2.5 % of seconds (autocannon's nearest percentile), so both read "at least this fast".
  const { p50, p2_5, min, max } = result.requests;
  return { runs: options.seconds, median: p50, p95: p2_5, min, max, timeouts: result.timeouts };
}

/** /healthz and another organisation's dashboard, each sampled one request at a time until `until`. */
function sampleBoth(
  urls: { health: string; dashboard: string; cookie: string },
  until: Promise<unknown>,
): Promise<[LatencySamples, LatencySamples]> {
  return Promise.all([
    sampleLatency(urls.health, { until }),
    sampleLatency(urls.dashboard, { until, headers: { cookie: urls.cookie } }),
  ]);
}

/** A latency during the import against the same requests on the idle server, with its p99 target. */
function latencyMeasurement(
  during: LatencySamples,
  idle: LatencySamples,
  options: { size: string; name: string; p99Target: number },
): Measurement {
  return withRatio({
    size: options.size,
    name: options.name,
    unit: "ms",
    result: during.timing,
    baseline: {
      name: "the same requests on the idle server just before the import (no import running)",
      result: idle.timing,
    },
    targets:
      options.size === "large"
        ? [
            {
              text: `p99 < ${String(options.p99Target)} ms`,
              met: during.p99 < options.p99Target,
            },
          ]
        : [],
    notes: `p99 ${during.p99.toFixed(1)} ms, max ${during.timing.max.toFixed(1)} ms (idle: p99 ${idle.p99.toFixed(1)} ms); one request at a time on a kept-alive connection, a run per request`,
  });
}

/** How long the import held the write lock, as the server logged it, against 500 ms per 100,000 rows. */
function writeWindowMeasurement(
  reported: WriteWindow | undefined,
  options: { size: string; rows: number },
): Measurement {
  const perHundredThousand =
    reported === undefined ? Number.NaN : (reported.lockedMs / options.rows) * 100_000;
  return {
    size: options.size,
    name: `Write window of a ${options.rows.toLocaleString("en-GB")}-row import over HTTP`,
    unit: "ms",
    result: summarise(reported === undefined ? [] : [reported.lockedMs]),
    targets:
      options.size === "large"
        ? [{ text: "< 500 ms per 100,000 rows", met: perHundredThousand < 500 }]
        : [],
    notes:
      reported === undefined
        ? "write window not reported by the server"
        : `held the write lock ${reported.lockedMs.toFixed(0)} ms, from the server's "import saved" line (${reported.entity}, ${reported.rows.toLocaleString("en-GB")} rows)`,
  };
}

/**
 * The real server as a child process on a working copy of the data: requests per second for the
 * dashboard's uptake query over loopback at 10 connections (against the bare /healthz route, the
 * most the HTTP stack can answer), then the 100,000-row import posted to it while its peak RSS is
 * read from /proc and, one request at a time, /healthz and another organisation's dashboard are
 * timed (issue #19: nobody waits for someone else's import).
 */
export async function measureHttp(context: BenchContext): Promise<Measurement[]> {
  const size = context.generated.size.name;
  const large = size === "large";
  const server = await startServer(context.dataDir);
  try {
    const cookie = await signIn(server.baseUrl, context.generated.organisation.users.hr.email);
    const dashboard = `${server.baseUrl}/trpc/reports.uptake?input=${encodeURIComponent("{}")}`;
    say(
      `  loading the dashboard query for ${String(context.runs.loadSeconds)} s at 10 connections`,
    );
    await fetch(dashboard, { headers: { cookie } }).then((response) => response.text());
    const dashboardRps = await load(dashboard, { cookie, seconds: context.runs.loadSeconds });
    const healthRps = await load(`${server.baseUrl}/healthz`, {
      cookie,
      seconds: context.runs.loadSeconds,
    });

    // The evidence pack's organisation: its HR user may read the dashboard (readTraining) and has
    // no part in the import, so any wait it meets is the import's, not its own work.
    const sampled = {
      health: `${server.baseUrl}/healthz`,
      dashboard,
      cookie: await signIn(server.baseUrl, context.generated.packOrganisation.users.hr.email),
    };
    say(`  sampling /healthz and another organisation's dashboard on the idle server`);
    const [idleHealth, idleDashboard] = await sampleBoth(
      sampled,
      delay(context.runs.loadSeconds * 1000),
    );

    const rows = importRows(context.generated.size);
    // The server keeps real time, not the generated organisation's.
    const csv = nominationsFile(context, { rows, label: "over HTTP", from: new Date() });
    // Built before the clock starts, so the bench's own work does not delay the samples.
    const body = JSON.stringify({ csv });
    const before = peakRssMb(server.pid);
    say(`  posting the import while sampling /healthz and another organisation's dashboard`);
    const started = performance.now();
    const importing = fetch(`${server.baseUrl}/trpc/training.nominations.importCsv`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-dapkit-request": "1", cookie },
      body,
    });
    const [healthDuring, dashboardDuring] = await sampleBoth(sampled, importing);
    const response = await importing;
    const seconds = (performance.now() - started) / 1000;
    const answer = await response.text();
    // A file the server refuses is quick and light: measured, it would flatter every figure here.
    if (!response.ok || !answer.includes('"written":true')) {
      throw new Error(`The import over HTTP was not written: ${answer.slice(0, 500)}`);
    }
    const peak = peakRssMb(server.pid);
    const writeWindow = await lastWriteWindow(server.output);
    const rowsText = rows.toLocaleString("en-GB");
    return [
      withRatio({
        size,
        name: "Dashboard (reports.uptake) over HTTP, 10 connections",
        unit: "req/s",
        result: dashboardRps,
        baseline: {
          name: "bare /healthz on the same server (the ceiling, not a naive version)",
          result: healthRps,
        },
        targets: large ? [{ text: "≥ 1,000 req/s", met: dashboardRps.median >= 1_000 }] : [],
        notes:
          dashboardRps.timeouts === 0
            ? undefined
            : `${String(dashboardRps.timeouts)} requests did not finish within 60 s`,
      }),
      {
        size,
        name: `Server peak RSS during a ${rows.toLocaleString("en-GB")}-row import over HTTP`,
        unit: "MB",
        result: summarise([peak]),
        targets: large ? [{ text: "< 300 MB", met: peak < 300 }] : [],
        notes: `peak before the import ${before.toFixed(0)} MB; the import took ${seconds.toFixed(1)} s over HTTP, with the latency samplers running`,
      },
      latencyMeasurement(healthDuring, idleHealth, {
        size,
        name: `/healthz during a ${rowsText}-row import (another organisation's import)`,
        p99Target: 50,
      }),
      latencyMeasurement(dashboardDuring, idleDashboard, {
        size,
        name: `Another organisation's dashboard during a ${rowsText}-row import`,
        p99Target: 100,
      }),
      writeWindowMeasurement(writeWindow, { size, rows }),
    ];
  } finally {
    await server.stop();
  }
}
