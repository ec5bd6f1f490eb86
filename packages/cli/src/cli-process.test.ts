import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { build } from "tsup";
import { afterAll, beforeAll, expect, test } from "vitest";

import { EXIT_CODES } from "./exit-codes";

// The binary as a real process: src/cli.ts bundled with the workspace packages it imports (read from
// source, as in the other tests), so this needs no prior build. The bundle sits in the package's
// node_modules so that Node.js finds its other dependencies (yaml, zod) as the published CLI would.
const cache = fileURLToPath(new URL("../node_modules/.cache/", import.meta.url));
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(join(cache, "cli-process-"));
const binary = join(folder, "cli.js");
const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));

beforeAll(async () => {
  await build({
    entry: { cli: fileURLToPath(new URL("cli.ts", import.meta.url)) },
    outDir: folder,
    format: ["esm"],
    platform: "node",
    target: "node20",
    noExternal: [/^@dapkit\//],
    esbuildOptions(options) {
      options.conditions = ["@dapkit/source"];
    },
    silent: true,
    config: false,
  });
}, 60_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function dapkit(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [binary, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

test(
  "exit codes: 0 for a plan, 1 for a table that does not add up, 2 for a bad call, 3 for a bad file",
  { timeout: 60_000 },
  async () => {
    const plan = await dapkit("plan", join(examples, "lancashire-joint-commission.yaml"));
    expect(plan.code).toBe(EXIT_CODES.ok);
    expect(plan.stdout).toContain("Workstream allocation");

    const variance = await dapkit(
      "check-variance",
      join(examples, "lancashire-year-1-variance.csv"),
    );
    expect(variance.code).toBe(EXIT_CODES.problemsFound);
    expect(variance.stdout).toContain("5 figures do not add up");

    const usage = await dapkit("plan");
    expect(usage.code).toBe(EXIT_CODES.usage);

    const missing = await dapkit("plan", join(examples, "no-such-plan.yaml"));
    expect(missing.code).toBe(EXIT_CODES.invalidInput);
    expect(missing.stderr).toMatch(
      /^dapkit: Cannot read .*no-such-plan\.yaml: there is no such file or folder\.\n$/,
    );
    expect(missing.stderr).not.toContain("    at ");
  },
);
