/**
 * The `dapkit` command as a function, for running it from other programs and tests. Most people
 * use the binary instead: `npx dapkit plan plan.yaml`.
 *
 * @packageDocumentation
 */
export type { CliIo } from "./cli-io";
export { EXIT_CODES, type ExitCode } from "./exit-codes";
export { nodeIo } from "./node-io";
export { run } from "./run";
