import { rmSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname } from "node:path";

import { readOptions, type SuiteName } from "./args";
import { openContext, type BenchContext } from "./context";
import { cacheDirFor } from "./generate/cache";
import { cachedGeneration, workingCopy } from "./generate/generate";
import { say } from "./progress";
import { writeResults } from "./report";
import type { Measurement } from "./results";
import { measureImports } from "./suites/csv-import";
import { measureEvidencePack } from "./suites/evidence-pack";
import { measureHttp } from "./suites/http";
import { measureQueries } from "./suites/queries";
import { measureSdkMaths } from "./suites/sdk-maths";

const SUITES: [SuiteName, string, (context: BenchContext) => Promise<Measurement[]>][] = [
  ["sdk", "SDK maths", measureSdkMaths],
  ["queries", "Reports, lists and records", measureQueries],
  ["pack", "Evidence pack", measureEvidencePack],
  ["imports", "CSV imports", measureImports],
  ["http", "HTTP throughput and the server's memory during an import", measureHttp],
];

// `pnpm bench`: builds (or reuses) each organisation size, measures every operation of the issue
// against its naive baseline and writes bench/results/latest.{json,md}. Not part of `pnpm test`.
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = readOptions(argv);
  const measurements: Measurement[] = [];
  // Other work on the machine slows every figure: the load is recorded with the results.
  const loadAtStart = loadavg()[0] ?? 0;
  const write = () =>
    writeResults(measurements, {
      finishedAt: new Date().toISOString(),
      machine: `${String(cpus().length)} × ${cpus()[0]?.model ?? "CPU"}, ${String(Math.round(totalmem() / 2 ** 30))} GiB`,
      arguments: argv.join(" "),
      loadAverage: `${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (1-minute)`,
      sizes: options.sizes.map((size) => size.name),
    });
  for (const size of options.sizes) {
    if (options.fresh) rmSync(cacheDirFor(size), { recursive: true, force: true });
    const { dir, generated } = await cachedGeneration(size);
    const dataDir = workingCopy(dir);
    say(`Measuring the ${size.name} organisation on a working copy in ${dataDir}`);
    const context = await openContext(generated, { dataDir, runs: options.runs });
    try {
      for (const [suite, title, measure] of SUITES) {
        // The SDK maths use no organisation: measured once, with the first size.
        if (!options.suites.has(suite) || (suite === "sdk" && measurements.length > 0)) continue;
        say(title);
        measurements.push(...(await measure(context)));
        // Written after each suite, so a failure later keeps what was measured.
        write();
      }
    } finally {
      context.app.db.$client.close();
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  }
  const markdown = write();
  process.stdout.write(`\n${markdown}`);
  const missed = measurements.flatMap((m) =>
    m.targets.filter((t) => !t.met).map((t) => `${m.size}: ${m.name}: ${t.text}`),
  );
  if (missed.length > 0) say(`Targets missed:\n  ${missed.join("\n  ")}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
