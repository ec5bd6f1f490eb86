// @ts-check
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { publint } from "publint";
import { formatMessage } from "publint/utils";

import { runCommand } from "./run-command.js";

/**
 * @typedef {{ name: string, dir: string, tarball: string }} PackedPackage
 */

/**
 * The published packages: every folder under packages/ whose package.json is not private.
 * @param {string} repo
 */
export function publishedPackages(repo) {
  return readdirSync(join(repo, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(repo, "packages", entry.name);
      /** @type {{ name: string, private?: boolean }} */
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: manifest.name, dir, private: manifest.private === true };
    })
    .filter((found) => !found.private);
}

/**
 * Packs each package with `pnpm pack`, as `pnpm publish` would: publishConfig applied and
 * workspace: ranges replaced by versions.
 * @param {ReturnType<typeof publishedPackages>} packages
 * @param {string} destination
 * @returns {Promise<PackedPackage[]>}
 */
export async function packPackages(packages, destination) {
  return Promise.all(
    packages.map(async ({ name, dir }) => {
      const { stdout } = await runCommand("pnpm", ["pack", "--pack-destination", destination], {
        cwd: dir,
      });
      const tarball = stdout.trim().split("\n").at(-1)?.trim() ?? "";
      if (!tarball.endsWith(".tgz"))
        throw new Error(`pnpm pack did not report a tarball for ${name}`);
      return { name, dir, tarball };
    }),
  );
}

/**
 * Lints each tarball with publint, strictly (warnings fail too). Returns the problems found.
 * @param {readonly PackedPackage[]} packed
 */
export async function lintTarballs(packed) {
  /** @type {string[]} */
  const problems = [];
  for (const { name, tarball } of packed) {
    const bytes = readFileSync(tarball);
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball: arrayBuffer }, strict: true });
    for (const message of messages) {
      problems.push(
        `${name}: publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`,
      );
    }
  }
  return problems;
}

/**
 * Checks with Are The Types Wrong that each tarball's types resolve for ESM consumers under
 * `node16` and `bundler` resolution (the packages are ESM-only, so CommonJS is not checked).
 * @param {readonly PackedPackage[]} packed
 * @param {string} repo
 */
export async function checkTypes(packed, repo) {
  const attw = join(repo, "node_modules", ".bin", "attw");
  /** @type {string[]} */
  const problems = [];
  for (const { name, tarball } of packed) {
    try {
      await runCommand(attw, [tarball, "--profile", "esm-only", "--format", "table-flipped"]);
    } catch (error) {
      problems.push(`${name}: attw found problems\n${String(error)}`);
    }
  }
  return problems;
}
