import { readFile, writeFile } from "node:fs/promises";

import type { CliIo } from "./cli-io";

/**
 * The real terminal and file system, for the `dapkit` binary.
 *
 * @example
 * process.exitCode = await run(process.argv.slice(2), nodeIo());
 */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path),
    writeFile: (path, data) => writeFile(path, data),
  };
}
