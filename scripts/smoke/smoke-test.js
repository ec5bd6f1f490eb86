#!/usr/bin/env node
// @ts-check
/**
 * The pack smoke test: what a developer at another council gets from npm, checked outside the
 * workspace. Run after the packages and the tracker are built (`pnpm smoke` does both).
 *
 * 1. `pnpm pack` every published package into a scratch folder outside the repository;
 * 2. publint (strict) and Are The Types Wrong (ESM, node16 and bundler) on each tarball;
 * 3. a scratch project installs the tarballs with plain npm (no workspace links), then:
 *    - imports @dapkit/sdk from an ESM file and computes Lancashire's allocation;
 *    - imports the maths subpaths with a hook that fails if the tracker client's contract is loaded;
 *    - type-checks a file using the types with `tsc --noEmit`, a strict consumer with
 *      `skipLibCheck` off (every published declaration must compile), and a file of deliberate
 *      type errors, which must fail with exactly those errors;
 *    - runs `npx dapkit plan` and `npx dapkit check-variance` on the example files;
 * 4. starts the built tracker and calls it through @dapkit/sdk/client: procedures by their
 *    contract names, a refusal, a refused input with its field and issues, an unreachable tracker.
 *
 * Set DAPKIT_SMOKE_KEEP=1 to keep the scratch folder for a look afterwards.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { checkTypes, lintTarballs, packPackages, publishedPackages } from "./pack-packages.js";
import { runCommand } from "./run-command.js";
import { startTracker } from "./start-tracker.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CONSUMER = fileURLToPath(new URL("consumer/", import.meta.url));
const started = Date.now();

/** @param {string} message */
function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`[smoke ${seconds.padStart(5)} s] ${message}\n`);
}

/**
 * @param {boolean} condition
 * @param {string} message
 */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

const LANCASHIRE_SPLIT = [
  "workforce £75,122",
  "early-support £255,416",
  "medium-high-risk £1,021,665",
  "perpetrators £150,245",
].join("\n");

// Every error type-errors.ts must produce, as "line code": the types are real, not `any`.
const EXPECTED_TYPE_ERRORS = ["6 TS2322", "7 TS2339", "8 TS2322", "9 TS2353", "10 TS2339"];

async function smokeTest() {
  // os.tmpdir() is outside the repository, so nothing can resolve through the workspace.
  const scratch = mkdtempSync(join(tmpdir(), "dapkit-smoke-"));
  const tarballs = join(scratch, "tarballs");
  const project = join(scratch, "project");
  mkdirSync(tarballs);
  mkdirSync(project);
  try {
    const packages = publishedPackages(REPO);
    step(`packing ${packages.map((found) => found.name).join(", ")}`);
    const packed = await packPackages(packages, tarballs);

    step("publint and Are The Types Wrong on each tarball");
    const problems = [...(await lintTarballs(packed)), ...(await checkTypes(packed, REPO))];
    check(problems.length === 0, `The packed packages have problems:\n${problems.join("\n")}`);

    step("installing the tarballs into a scratch project with npm");
    const npm = { cwd: project };
    await runCommand("npm", ["init", "-y"], npm);
    await runCommand("npm", ["pkg", "set", "type=module"], npm);
    await runCommand(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        ...packed.map((found) => found.tarball),
        "zod@^4",
        "typescript@5.9.3",
      ],
      npm,
    );
    for (const file of readdirSync(CONSUMER))
      copyFileSync(join(CONSUMER, file), join(project, file));
    // From the installed package, not the repository: the examples the README runs must ship.
    const shipped = join(project, "node_modules", "@dapkit", "cli", "examples");
    for (const example of ["lancashire-joint-commission.yaml", "lancashire-year-1-variance.csv"]) {
      copyFileSync(join(shipped, example), join(project, example));
    }

    step("ESM import and a calculation");
    const calculated = await runCommand("node", ["calculate.js"], npm);
    check(calculated.stdout.trim() === LANCASHIRE_SPLIT, `Unexpected split:\n${calculated.stdout}`);
    const mathsOnly = await runCommand(
      "node",
      ["--import", "./no-client-hooks.js", "maths-only.js"],
      npm,
    );
    check(mathsOnly.stdout.includes("gap 13500000"), `Unexpected output:\n${mathsOnly.stdout}`);

    step("tsc --noEmit on a file using the types, a strict consumer and a file of type errors");
    await runCommand("npx", ["--no-install", "tsc", "-p", "tsconfig.json"], npm);
    writeFileSync(
      join(project, "tsconfig.strict.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { skipLibCheck: false },
        files: ["strict-consumer.ts"],
      }),
    );
    await runCommand("npx", ["--no-install", "tsc", "-p", "tsconfig.strict.json"], npm);
    writeFileSync(
      join(project, "tsconfig.errors.json"),
      JSON.stringify({ extends: "./tsconfig.json", files: ["type-errors.ts"] }),
    );
    const failed = await runCommand("npx", ["--no-install", "tsc", "-p", "tsconfig.errors.json"], {
      ...npm,
      expectCode: 2,
    });
    const errors = [
      ...failed.stdout.matchAll(/^type-errors\.ts\((\d+),\d+\): error (TS\d+)/gm),
    ].map(([, line, code]) => `${String(line)} ${String(code)}`);
    check(
      errors.join(", ") === EXPECTED_TYPE_ERRORS.join(", "),
      `Expected exactly these type errors (line code): ${EXPECTED_TYPE_ERRORS.join(", ")}\nGot:\n${failed.stdout}`,
    );

    step("npx dapkit plan and check-variance on the examples");
    const plan = await runCommand(
      "npx",
      ["--no-install", "dapkit", "plan", "lancashire-joint-commission.yaml"],
      npm,
    );
    check(
      plan.stdout.includes("Gap                         -£545"),
      `Unexpected plan output:\n${plan.stdout}`,
    );
    const variance = await runCommand(
      "npx",
      ["--no-install", "dapkit", "check-variance", "lancashire-year-1-variance.csv"],
      { ...npm, expectCode: 1 },
    );
    check(
      variance.stdout.includes("5 figures do not add up"),
      `Unexpected output:\n${variance.stdout}`,
    );

    step("the client against the built tracker");
    const password = "smoke-test-demo-password";
    const tracker = await startTracker({
      repo: REPO,
      dataDir: join(scratch, "tracker-data"),
      password,
    });
    try {
      const called = await runCommand("node", ["tracker.js", tracker.url, password], npm);
      step(called.stdout.trim());
    } finally {
      await tracker.stop();
    }
    step(`passed: ${packed.map((found) => basename(found.tarball)).join(", ")}`);
  } finally {
    if (process.env.DAPKIT_SMOKE_KEEP === "1") step(`kept ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

smokeTest().catch((/** @type {unknown} */ error) => {
  process.stderr.write(
    `smoke test failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
