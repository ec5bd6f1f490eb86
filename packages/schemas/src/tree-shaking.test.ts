import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { build } from "tsup";
import { afterAll, expect, test } from "vitest";

// A formatter imported alone must not bring zod with it: the web app's first load depends on it.
const dir = mkdtempSync(join(tmpdir(), "dapkit-schemas-shake-"));
const INDEX = join(import.meta.dirname, "index.ts");

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function bundle(imports: string): Promise<string> {
  const entry = join(dir, "entry.ts");
  writeFileSync(
    entry,
    `import { ${imports} } from ${JSON.stringify(INDEX)};\nexport { ${imports} };\n`,
  );
  const outDir = join(dir, "out");
  await build({
    entry: [entry],
    outDir,
    format: ["esm"],
    treeshake: true,
    noExternal: [/.*/],
    config: false,
    silent: true,
    dts: false,
    sourcemap: false,
  });
  const file = readdirSync(outDir).find((name) => name.endsWith(".js"));
  if (file === undefined) throw new Error("nothing was built");
  return readFileSync(join(outDir, file), "utf8");
}

test("London time, dates, counts and words bundle without zod", async () => {
  const code = await bundle(
    "formatDate, formatTime, londonInstant, formatCount, RECOMMENDATION_STATUS_LABELS",
  );
  expect(code).toContain("Europe/London");
  expect(code).not.toContain("ZodError");
}, 60_000);

test("the check can fail: a schema brings zod", async () => {
  const code = await bundle("RecommendationSchema");
  expect(code).toContain("ZodError");
}, 60_000);
