import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Measurement } from "./results";

/** bench/results: latest.json (git-ignored) and latest.md (committed from a representative run). */
export const RESULTS_DIR = fileURLToPath(new URL("../results", import.meta.url));

function figure(value: number, unit: Measurement["unit"]): string {
  if (!Number.isFinite(value)) return "–";
  if (unit === "req/s") return `${Math.round(value).toLocaleString("en-GB")} req/s`;
  if (unit === "MB") return `${value.toFixed(0)} MB`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(2)} s`;
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

function ratio(measurement: Measurement): string {
  const value = measurement.ratio;
  if (value === undefined || !Number.isFinite(value)) return "–";
  if (value >= 10) return `${value.toFixed(0)}×`;
  return `${value >= 1 ? value.toFixed(1) : value.toPrecision(2)}×`;
}

function targets(measurement: Measurement): string {
  return measurement.targets.map((t) => `${t.met ? "✅" : "❌"} ${t.text}`).join("<br>") || "–";
}

/** The results as a Markdown table, with the baselines and notes listed under it. */
export function markdownTable(measurements: readonly Measurement[], header: string): string {
  const lines = [
    header,
    "",
    "| Size | Measurement | Median | p95 | Naive baseline (median) | Ratio | Target |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...measurements.map((m) =>
      [
        "",
        m.size,
        m.name,
        figure(m.result.median, m.unit),
        figure(m.result.p95, m.unit),
        m.baseline === undefined ? "–" : figure(m.baseline.result.median, m.unit),
        ratio(m),
        targets(m),
        "",
      ]
        .join(" | ")
        .trim(),
    ),
    "",
    "Baselines and notes:",
    "",
    ...measurements.flatMap((m) => {
      const parts = [
        m.baseline === undefined
          ? undefined
          : `baseline: ${m.baseline.name}${m.baseline.extrapolated === undefined ? "" : ` (${m.baseline.extrapolated})`}`,
        m.notes,
        `${String(m.result.runs)} run${m.result.runs === 1 ? "" : "s"}`,
      ].filter((part) => part !== undefined);
      return [`- ${m.size}, ${m.name}: ${parts.join("; ")}.`];
    }),
    "",
  ];
  return lines.join("\n");
}

/** Writes latest.json and latest.md, returning the Markdown. */
export function writeResults(
  measurements: readonly Measurement[],
  meta: Record<string, unknown>,
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    join(RESULTS_DIR, "latest.json"),
    `${JSON.stringify({ ...meta, measurements }, null, 2)}\n`,
  );
  const header = [
    "# dapkit benchmarks: latest run",
    "",
    `Run ${String(meta.finishedAt)} on ${String(meta.machine)}, Node ${process.version}; \`pnpm bench ${String(meta.arguments)}\`; load average ${String(meta.loadAverage)}.`,
    "Ratios are naive baseline ÷ dapkit for times (higher is better); for requests per second, dapkit ÷ the bare /healthz ceiling.",
  ].join("\n");
  const markdown = markdownTable(measurements, header);
  writeFileSync(join(RESULTS_DIR, "latest.md"), markdown);
  return markdown;
}
