#!/usr/bin/env node
import { EXIT_CODES } from "./exit-codes";
import { nodeIo } from "./node-io";
import { run } from "./run";

try {
  process.exitCode = await run(process.argv.slice(2), nodeIo());
} catch (error) {
  // run() turns every mistake in the call or the input into a message and an exit code; anything
  // reaching here is a bug in dapkit, so the stack trace is printed for the bug report.
  process.stderr.write(
    `dapkit: unexpected error, please report it:\n${String((error as Error).stack ?? error)}\n`,
  );
  process.exitCode = EXIT_CODES.internalError;
}
