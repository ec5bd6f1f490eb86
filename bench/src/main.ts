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

// The suites measured on an organisation; the SDK maths need none.
const SUITES: [SuiteName, string, (context: BenchContext) => Promise<Measurement[]>][] = [
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
  // The SDK maths use no organisation: measured once, labelled with the first size, before any
  // organisation is built, so `--suite sdk` alone needs none generated.
  const [firstSize] = options.sizes;
  if (options.suites.has("sdk") && firstSize !== undefined) {
    say("SDK maths");
    measurements.push(...(await measureSdkMaths({ size: firstSize.name, runs: options.runs })));
    write();
  }
  const suites = SUITES.filter(([suite]) => options.suites.has(suite));
  for (const size of suites.length === 0 ? [] : options.sizes) {
    if (options.fresh) rmSync(cacheDirFor(size), { recursive: true, force: true });
    const { dir, generated } = await cachedGeneration(size);
    const dataDir = workingCopy(dir);
    say(`Measuring the ${size.name} organisation on a working copy in ${dataDir}`);
    const context = await openContext(generated, { dataDir, runs: options.runs });
    try {
      for (const [, title, measure] of suites) {
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
