// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build, type Manifest } from "vite";
import { afterAll, expect, test } from "vitest";

/** The most JavaScript, gzipped, that the dashboard may load before it can be used. */
const DASHBOARD_BUDGET_BYTES = 150 * 1024;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DASHBOARD = "src/pages/dashboard/dashboard-page.tsx";
const outDir = mkdtempSync(join(tmpdir(), "dapkit-web-size-"));

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

// Every chunk a manifest entry pulls in statically: what the browser must fetch before it runs.
function staticChunks(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const entry = manifest[key];
  if (entry === undefined || seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const imported of entry.imports ?? []) staticChunks(manifest, imported, seen);
  return seen;
}

test("the dashboard's first load stays under 150 kB of gzipped JavaScript", async () => {
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  await build({
    mode: "production",
    root: ROOT,
    configFile: join(ROOT, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true, manifest: "manifest.json" },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as Manifest;
  const index = readFileSync(join(outDir, "index.html"), "utf8");

  // What index.html loads, then the dashboard route's own chunk and everything it imports.
  const fromHtml = [
    ...index.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g),
  ].map((match) => match[1] ?? "");
  const files = new Set([
    ...fromHtml,
    ...staticChunks(manifest, "index.html"),
    ...staticChunks(manifest, DASHBOARD),
  ]);
  expect(manifest[DASHBOARD], "the dashboard is its own lazily loaded chunk").toBeDefined();
  expect(manifest["index.html"]?.imports ?? []).not.toContain(DASHBOARD);
  // Forms check their input with the contract's zod schemas: zod comes with them, not before.
  for (const file of files) {
    expect(readFileSync(join(outDir, file), "utf8"), `zod in ${file}`).not.toContain("ZodError");
  }

  const gzipped = [...files].reduce(
    (total, file) => total + gzipSync(readFileSync(join(outDir, file))).length,
    0,
  );
  // Printed so the figure can be quoted in reviews without running the build by hand.
  process.stdout.write(
    `dashboard initial JS: ${(gzipped / 1024).toFixed(1)} kB gzipped in ${files.size} files\n`,
  );
  expect(gzipped).toBeLessThanOrEqual(DASHBOARD_BUDGET_BYTES);
}, 120_000);
