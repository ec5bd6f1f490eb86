import { parseArgs, type ParseArgsConfig } from "node:util";

import { usageError } from "./cli-errors";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/** Parses a command's arguments strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs<const T extends Options>(
  args: readonly string[],
  options: T,
  command: string,
): Parsed<T> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's advice on passing a value that starts with "-" is noise for these commands.
    throw usageError(
      (error as Error).message.replace(/\. To specify a positional.*$/s, "."),
      command,
    );
  }
}

/** The one file name a command takes. */
export function onePath(positionals: readonly string[], command: string, what: string): string {
  const [path, ...extra] = positionals;
  if (path === undefined) throw usageError(`dapkit ${command} needs ${what}.`, command);
  if (extra.length > 0) {
    throw usageError(
      `dapkit ${command} takes one file, but was given ${String(positionals.length)}: ${positionals.join(", ")}.`,
      command,
    );
  }
  return path;
}
