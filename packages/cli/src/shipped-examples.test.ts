import { existsSync, readFileSync } from "node:fs";

import { expect, test } from "vitest";

const packageDir = new URL("../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", packageDir), "utf8")) as {
  files: string[];
};

test("every example the README runs is in the repository's examples and shipped in the package", () => {
  const readme = readFileSync(new URL("README.md", packageDir), "utf8");
  const mentioned = new Set(readme.match(/examples\/[\w.-]+/g));
  expect(mentioned.size).toBeGreaterThanOrEqual(3);
  for (const path of mentioned) {
    expect(existsSync(new URL(`../../${path}`, packageDir)), path).toBe(true);
  }
  expect(manifest.files).toContain("examples");
  // The build copies the folder in: the published package has no other way to get it.
  expect(readFileSync(new URL("tsup.config.ts", packageDir), "utf8")).toContain(
    'cpSync("../../examples", "examples"',
  );
});
