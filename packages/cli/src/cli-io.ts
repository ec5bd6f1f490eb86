/**
 * Everything `run` touches outside itself, passed in so it can be tested without a terminal or
 * files, and driven from other programs.
 *
 * @example
 * const output: string[] = [];
 * const io: CliIo = {
 *   stdout: (text) => output.push(text),
 *   stderr: (text) => output.push(text),
 *   readFile: () => Promise.resolve(new TextEncoder().encode('{"name": "Plan", "financialYears": ["2017/18"]}')),
 *   writeFile: () => Promise.resolve(),
 * };
 */
export interface CliIo {
  /** Writes text (already ending in a newline) to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes text (already ending in a newline) to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads a whole file; rejects with a Node.js-style error carrying a `code` such as `ENOENT`. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Writes a whole file, replacing it; rejects like `readFile`. */
  readonly writeFile: (path: string, data: Uint8Array) => Promise<void>;
}
