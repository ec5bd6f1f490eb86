import { parseArgs } from "node:util";

import type { RunCounts } from "./context";
import { SIZES, type SizeSpec } from "./sizes";

/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  sizes: SizeSpec[];
  runs: RunCounts;
  /** Rebuild the organisations even when a cached copy exists. */
  fresh: boolean;
  /** The suites to run (default: all of them). */
  suites: ReadonlySet<SuiteName>;
}

/** The measurement suites, in the order they run. */
export const SUITE_NAMES = ["sdk", "queries", "pack", "imports", "http"] as const;
/** One measurement suite. */
export type SuiteName = (typeof SUITE_NAMES)[number];

function isSuiteName(name: string): name is SuiteName {
  return (SUITE_NAMES as readonly string[]).includes(name);
}

const USAGE = `pnpm bench [--size small|medium|large|all] [--suite ${SUITE_NAMES.join("|")}] [--quick] [--fresh]
  --size   the organisation sizes to measure (default: all three; repeatable)
  --suite  the measurements to make (default: all; repeatable)
  --quick  the small size only, with fewer runs (about a minute once generated)
  --fresh  rebuild the cached organisations from scratch`;

/** Reads the command line; prints usage and exits on --help or a mistake. */
export function readOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    options: {
      size: { type: "string", multiple: true },
      suite: { type: "string", multiple: true },
      quick: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const names = values.size ?? (values.quick ? ["small"] : ["all"]);
  const sizes = names.includes("all")
    ? [...SIZES]
    : SIZES.filter((size) => names.includes(size.name));
  if (
    sizes.length === 0 ||
    names.some((name) => name !== "all" && !SIZES.some((s) => s.name === name))
  ) {
    process.stderr.write(`Unknown size in ${names.join(", ")}.\n${USAGE}\n`);
    process.exit(2);
  }
  const suites = values.suite ?? [...SUITE_NAMES];
  const unknownSuite = suites.find((name) => !isSuiteName(name));
  if (unknownSuite !== undefined) {
    process.stderr.write(`Unknown suite ${unknownSuite}.\n${USAGE}\n`);
    process.exit(2);
  }
  const runs: RunCounts = values.quick
    ? { queries: 10, heavy: 2, loadSeconds: 3 }
    : { queries: 20, heavy: 3, loadSeconds: 10 };
  return { sizes, runs, fresh: values.fresh, suites: new Set(suites.filter(isSuiteName)) };
}
