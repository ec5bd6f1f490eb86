import { spawn, type SpawnOptions } from "node:child_process";

import { MAIN_ARGS, SERVER_DIR } from "./run-server";

/** Runs `dapkit-server <args>` (from source) to the end: its exit code and everything it printed. */
export function runCommand(
  args: readonly string[],
  env: Record<string, string>,
  options: Pick<SpawnOptions, "uid" | "gid"> = {},
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...MAIN_ARGS, ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, output })));
}
