import { readFileSync } from "node:fs";

import autocannon from "autocannon";

import type { BenchContext } from "../context";
import { BENCH_PASSWORD } from "../generate/organisation";
import { summarise, type Timing } from "../measure";
import { say } from "../progress";
import { runServer } from "../server";
import { withRatio, type Measurement } from "../results";
import { importRows } from "../sizes";
import { nominationsFile } from "./csv-import";

// The server's peak resident set so far (VmHWM), in megabytes, from Linux's /proc.
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

// The real server as a child process, as the server's own process tests start it.
async function startServer(dataDir: string) {
  const server = await runServer({ DAPKIT_DATA_DIR: dataDir, DAPKIT_DEMO: "off" });
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

/**
 * The real server as a child process on a working copy of the data: requests per second for the
 * dashboard's uptake query over loopback at 10 connections (against the bare /healthz route, the
 * most the HTTP stack can answer), then the 100,000-row import posted to it while its peak RSS is
 * read from /proc.
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

    const rows = importRows(context.generated.size);
    const csv = nominationsFile(context, { rows, label: "over HTTP" });
    const before = peakRssMb(server.pid);
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/trpc/training.nominations.importCsv`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-dapkit-request": "1", cookie },
      body: JSON.stringify({ csv }),
    });
    const seconds = (performance.now() - started) / 1000;
    if (!response.ok) throw new Error(`The import over HTTP failed: ${await response.text()}`);
    const peak = peakRssMb(server.pid);
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
        targets: large ? [{ text: "< 500 MB", met: peak < 500 }] : [],
        notes: `peak before the import ${before.toFixed(0)} MB; the import took ${seconds.toFixed(1)} s over HTTP`,
      },
    ];
  } finally {
    await server.stop();
  }
}
