import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { CliIo } from "../cli-io";

/** An error like the ones node:fs rejects with. */
export function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

/** A `CliIo` over an in-memory set of files, recording what was printed and written. */
export function memoryIo(files: Record<string, string | Uint8Array | Error> = {}) {
  const written = new Map<string, Uint8Array>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      const file = files[path];
      if (file === undefined) return Promise.reject(fsError("ENOENT"));
      if (file instanceof Error) return Promise.reject(file);
      return Promise.resolve(typeof file === "string" ? new TextEncoder().encode(file) : file);
    },
    writeFile: (path, data) => {
      const file = files[path];
      if (file instanceof Error) return Promise.reject(file);
      written.set(path, data);
      return Promise.resolve();
    },
  };
  return {
    io,
    written,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

/** A file from the repository's examples folder. */
export function example(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)),
    "utf8",
  );
}
