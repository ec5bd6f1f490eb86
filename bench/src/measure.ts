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
export function quantile(sorted: readonly number[], q: number): number {
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

/** Two operations timed alternately, and how many times longer the second took, run by run. */
export interface SideBySide {
  first: Timing;
  second: Timing;
  /** The median over the runs of second ÷ first, each pair timed back to back under the same load. */
  pairedRatio: number;
}

/**
 * Times two operations alternately, run by run, after `warmup` untimed calls of each: on a busy
 * machine both meet the same load, so their ratio means more than two separate timings would.
 */
export function timeSideBySide(
  first: () => unknown,
  second: () => unknown,
  options: { runs: number; warmup: number },
): SideBySide {
  const samples: [number[], number[]] = [[], []];
  for (let run = -options.warmup; run < options.runs; run += 1) {
    // Alternating which goes first keeps either from always running after the other's garbage.
    const order = run % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const which of order) {
      const started = performance.now();
      (which === 0 ? first : second)();
      if (run >= 0) samples[which].push(performance.now() - started);
    }
  }
  const [firstSamples, secondSamples] = samples;
  const ratios = secondSamples.map((time, run) => time / (firstSamples[run] ?? Number.NaN));
  return {
    first: summarise(firstSamples),
    second: summarise(secondSamples),
    pairedRatio: summarise(ratios).median,
  };
}
