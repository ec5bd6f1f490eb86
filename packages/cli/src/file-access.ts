import { CliError, inputError } from "./cli-errors";
import type { CliIo } from "./cli-io";
import { EXIT_CODES } from "./exit-codes";

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "there is no such file or folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "you do not have permission",
  EPERM: "you do not have permission",
  ENOTDIR: "a folder in its path is a file",
};

function reasonOf(error: unknown): string {
  const code =
    typeof error === "object" && error != null && "code" in error ? String(error.code) : "";
  return REASONS[code] ?? (code === "" ? String(error) : `error ${code}`);
}

function failed(make: (message: string) => CliError, what: string, error: unknown): CliError {
  return make(`${what}: ${reasonOf(error)}.`);
}

/** Reads a UTF-8 text file (a byte-order mark is allowed), with an error that says what is wrong. */
export async function readTextFile(io: CliIo, path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    throw failed(inputError, `Cannot read ${path}`, error);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw inputError(`Cannot read ${path}: it is not UTF-8 text. Save it as UTF-8 and try again.`);
  }
}

/** Writes a file, or explains why the path given on the command line cannot be written. */
export async function writeOutputFile(io: CliIo, path: string, data: Uint8Array): Promise<void> {
  try {
    await io.writeFile(path, data);
  } catch (error) {
    throw failed(
      (message) => new CliError(EXIT_CODES.usage, message),
      `Cannot write ${path}`,
      error,
    );
  }
}
