/**
 * The exit codes of `dapkit`, so scripts and CI jobs can tell a failed check from a mistake in the call.
 *
 * @example
 * if (code === EXIT_CODES.problemsFound) console.log("the table does not add up");
 */
export const EXIT_CODES = {
  /** Done, and every check passed. */
  ok: 0,
  /** A check ran and found problems (`check-variance`: a row or total does not add up). */
  problemsFound: 1,
  /** The command line was wrong: unknown command or option, missing file name, unwritable output. */
  usage: 2,
  /** The input file is missing, unreadable, not valid JSON/YAML/CSV, or not a valid plan or table. */
  invalidInput: 3,
  /** dapkit itself failed (a bug): the message and stack trace are printed to report it. */
  internalError: 70,
} as const;

/**
 * One of the {@link EXIT_CODES}.
 *
 * @example
 * const code: ExitCode = EXIT_CODES.ok;
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
