import { createRequire } from "node:module";

import { expect, test } from "vitest";

import * as api from "./index";

// The part of esbuild's API used here; esbuild itself comes with tsup, reached through it so that
// there is no second copy to keep in step.
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { contents: Uint8Array }[] }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsup"))("esbuild") as Esbuild;

const INDEX = new URL("./index.ts", import.meta.url).pathname;
const LIMIT_BYTES = 10_000;
// Only the plan needs its schema at run time: it validates a whole plan with FundingPlanSchema.
const NEEDS_ZOD = new Set(["planFunding"]);

async function minifiedSize(name: string): Promise<number> {
  const result = await esbuild.build({
    stdin: { contents: `export { ${name} } from ${JSON.stringify(INDEX)};`, resolveDir: "." },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    conditions: ["@dapkit/source"],
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles?.[0]?.contents.length ?? 0;
}

test.each(Object.keys(api).filter((name) => !NEEDS_ZOD.has(name)))(
  "%s bundles alone, minified, in under 10 KB",
  async (name) => {
    expect(await minifiedSize(name)).toBeLessThan(LIMIT_BYTES);
  },
  30_000,
);

test("the check can fail: the plan, which validates with zod, is far bigger", async () => {
  expect(await minifiedSize("planFunding")).toBeGreaterThan(5 * LIMIT_BYTES);
}, 30_000);
