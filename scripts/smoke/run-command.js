// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {{ code: number | null, stdout: string, stderr: string }} CommandResult
 * @typedef {{ cwd?: string, env?: NodeJS.ProcessEnv, expectCode?: number }} CommandOptions
 */

/**
 * Runs a command and resolves with its output once it exits with the expected code (0 unless
 * `expectCode` says otherwise); otherwise rejects with everything it printed, so a failed step in
 * CI shows why.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {CommandOptions} [options]
 * @returns {Promise<CommandResult>}
 */
export function runCommand(command, args, options = {}) {
  const expected = options.expectCode ?? 0;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === expected) {
        resolve({ code, stdout, stderr });
        return;
      }
      const shown = [command, ...args].join(" ");
      reject(
        new Error(
          `\`${shown}\` exited with ${String(code)}, expected ${String(expected)}\n` +
            `--- stdout\n${stdout}--- stderr\n${stderr}`,
        ),
      );
    });
  });
}
