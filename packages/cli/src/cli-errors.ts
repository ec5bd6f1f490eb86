import { EXIT_CODES, type ExitCode } from "./exit-codes";

/**
 * A mistake the person running `dapkit` can fix: printed as a message (never a stack trace) and
 * turned into an exit code.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The command line is wrong (exit code 2); `helpFor` names the command whose help to point at. */
export function usageError(message: string, helpFor = ""): CliError {
  const help = helpFor === "" ? "dapkit --help" : `dapkit ${helpFor} --help`;
  return new CliError(EXIT_CODES.usage, `${message}\nRun \`${help}\` for how to use it.`);
}

/** The input file cannot be used (exit code 3). */
export function inputError(message: string): CliError {
  return new CliError(EXIT_CODES.invalidInput, message);
}
