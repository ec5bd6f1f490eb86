import type { Timing } from "./measure";

/** A target from the issue, and whether the measurement met it. */
export interface TargetCheck {
  text: string;
  met: boolean;
}

/** One line of the results table. */
export interface Measurement {
  size: string;
  /** What was measured, as the table shows it. */
  name: string;
  /** Milliseconds unless `unit` says otherwise (requests per second, megabytes). */
  unit: "ms" | "req/s" | "MB";
  result: Timing;
  /** The naive way of doing the same thing on the same data, in the same process. */
  baseline?: { name: string; result: Timing; extrapolated?: string };
  /** How many times better than the baseline (higher is better, for every unit). */
  ratio?: number;
  targets: TargetCheck[];
  notes?: string;
}

/** A measurement with the ratio worked out: baseline ÷ result for times, result ÷ baseline otherwise. */
export function withRatio(measurement: Omit<Measurement, "ratio">): Measurement {
  const { baseline, result, unit } = measurement;
  if (baseline === undefined) return measurement;
  const ratio =
    unit === "req/s"
      ? result.median / baseline.result.median
      : baseline.result.median / result.median;
  return { ...measurement, ratio };
}
