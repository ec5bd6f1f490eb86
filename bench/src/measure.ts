import { performance } from "node:perf_hooks";

/** Repeated samples of one measurement (milliseconds, unless the measurement says otherwise). */
export interface Timing {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** The value at fraction `q` of sorted samples (nearest rank, so p95 of few runs is the worst). */
function quantile(sorted: readonly number[], q: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Summarises samples in milliseconds. */
export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Times `runs` calls of `operation` after `warmup` untimed ones (which fill caches and let V8
 * optimise, as a long-running server would have done). `operation` gets the run's index, so each
 * run can use its own input.
 */
export async function time(
  operation: (run: number) => unknown,
  options: { runs: number; warmup?: number },
): Promise<Timing> {
  const warmup = options.warmup ?? 1;
  for (let i = 0; i < warmup; i += 1) await operation(-1 - i);
  const samples: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const started = performance.now();
    await operation(run);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}
