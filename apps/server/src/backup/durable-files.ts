import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";

/** Flushes a file (or a directory's list of names) to disk, so a rename survives a power cut. */
export async function syncToDisk(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Passes bytes through unchanged while hashing them; `done` gets the sha256 and size once the
 * last byte has passed, and may throw to fail the stream (a file that is not what it should be).
 */
export function hashingStream(done: (file: { sha256: string; sizeBytes: number }) => void) {
  const hash = createHash("sha256");
  let sizeBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      try {
        done({ sha256: hash.digest("hex"), sizeBytes });
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
