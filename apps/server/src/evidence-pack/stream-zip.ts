import { once } from "node:events";
import type { Readable, Writable } from "node:stream";

import { strToU8, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";

/** One file to write into a ZIP: text made in memory, or a stream read from storage. */
export type ZipSource =
  { path: string; text: string } | { path: string; open: () => Readable; compress: boolean };

// Waits until `out` can take more or has closed. Whichever happens first, the listeners for the
// other are removed: left behind, one more would pile up on `out` each time it filled.
async function roomOrClose(out: Writable): Promise<void> {
  const stop = new AbortController();
  try {
    await Promise.race([
      once(out, "drain", { signal: stop.signal }),
      once(out, "close", { signal: stop.signal }),
    ]);
  } finally {
    stop.abort();
  }
}

/**
 * Writes a ZIP to `out` one file at a time, reading each file as a stream and waiting whenever
 * `out` is full, so memory stays flat however many files there are. Ends `out` when done; a
 * failure destroys it (the response has already started) and is thrown.
 */
export async function streamZip(
  out: Writable,
  options: { sources: Iterable<ZipSource>; modifiedAt: Date },
): Promise<void> {
  let full: Promise<unknown> | undefined;
  let failure: Error | undefined;
  const zip = new Zip((error, chunk, final) => {
    if (error != null) {
      failure = error;
      return;
    }
    if (!out.write(chunk) && full === undefined) {
      full = roomOrClose(out).finally(() => {
        full = undefined;
      });
    }
    if (final) out.end();
  });
  const settle = async (): Promise<void> => {
    if (full !== undefined) await full;
    if (failure !== undefined) throw failure;
    if (out.destroyed) throw new Error("The client stopped reading the ZIP");
  };
  const add = (entry: ZipInputFile): void => {
    entry.mtime = options.modifiedAt;
    zip.add(entry);
  };
  try {
    for (const source of options.sources) {
      if ("text" in source) {
        const entry = new ZipDeflate(source.path, { level: 6 });
        add(entry);
        entry.push(strToU8(source.text), true);
        await settle();
        continue;
      }
      const entry = source.compress
        ? new ZipDeflate(source.path, { level: 6 })
        : new ZipPassThrough(source.path);
      add(entry);
      const stream = source.open();
      try {
        for await (const chunk of stream) {
          entry.push(chunk as Uint8Array);
          await settle();
        }
      } finally {
        stream.destroy();
      }
      entry.push(new Uint8Array(0), true);
      await settle();
    }
    zip.end();
    await settle();
  } catch (error) {
    zip.terminate();
    // Destroyed without the error, which goes to the caller: an error event here would be unhandled.
    out.destroy();
    throw error;
  }
}
