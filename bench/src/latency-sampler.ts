import { performance } from "node:perf_hooks";

import { quantile, summarise, type Timing } from "./measure";

/** Latencies of one URL requested over and over, in milliseconds, with the p99 `Timing` lacks. */
export interface LatencySamples {
  timing: Timing;
  p99: number;
}

/** Summarises request latencies, adding the p99 the latency targets are written in. */
export function summariseLatency(samples: readonly number[]): LatencySamples {
  return {
    timing: summarise(samples),
    p99: quantile(
      [...samples].sort((a, b) => a - b),
      0.99,
    ),
  };
}

/**
 * Requests `url` one at a time until `until` settles, timing each to the last byte of its answer.
 * One at a time, as a person waiting on a page would: a server that stops answering shows as one
 * long request rather than as a queue of them. Node's fetch keeps the connection alive, so after
 * the first request no sample pays for a TCP handshake. The request in flight when `until`
 * settles is finished and counted, as it waited while the server was busy.
 */
export async function sampleLatency(
  url: string,
  options: { until: Promise<unknown>; headers?: Record<string, string> },
): Promise<LatencySamples> {
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  // Both ways: a failed import ends the sampling too, and its error is the caller's to report.
  options.until.then(stop, stop);
  const samples: number[] = [];
  do {
    const started = performance.now();
    const response = await fetch(url, { headers: options.headers });
    // Reading the body is part of the wait, and lets the connection be reused.
    const body = await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) {
      throw new Error(
        `${url} answered ${String(response.status)}: ${Buffer.from(body).toString().slice(0, 200)}`,
      );
    }
  } while (!stopped);
  return summariseLatency(samples);
}
