import packageJson from "../package.json" with { type: "json" };
import { CliError, usageError } from "./cli-errors";
import type { CliIo } from "./cli-io";
import { checkVarianceCommand } from "./check-variance-command";
import { EXIT_CODES, type ExitCode } from "./exit-codes";
import { CHECK_VARIANCE_HELP, MAIN_HELP, PLAN_HELP } from "./help-text";
import { planCommand } from "./plan-command";

const COMMANDS: Readonly<
  Record<string, (args: readonly string[], io: CliIo) => Promise<ExitCode>>
> = {
  plan: planCommand,
  "check-variance": checkVarianceCommand,
};
const HELP: Readonly<Record<string, string>> = {
  plan: PLAN_HELP,
  "check-variance": CHECK_VARIANCE_HELP,
};

function help(topic: string | undefined, io: CliIo): ExitCode {
  if (topic === undefined) {
    io.stdout(MAIN_HELP);
    return EXIT_CODES.ok;
  }
  const text = HELP[topic];
  if (text === undefined) throw usageError(`There is no command called "${topic}".`);
  io.stdout(text);
  return EXIT_CODES.ok;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") return help(undefined, io);
  if (first === "help") return help(rest[0], io);
  if (first === "--version" || first === "-v") {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS[first];
  if (command === undefined) {
    throw usageError(
      first.startsWith("-")
        ? `Unknown option "${first}" (options go after the command).`
        : `There is no command called "${first}".`,
    );
  }
  return command(rest, io);
}

/**
 * Runs `dapkit` with the arguments after the program name and returns the exit code. Mistakes in
 * the call or the input are printed to `io.stderr` as `dapkit: <message>` (never a stack trace).
 *
 * @example
 * const code = await run(["plan", "examples/oxfordshire-gap.json", "--json"], io);
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`dapkit: ${error.message}\n`);
    return error.exitCode;
  }
}
