import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { crc32, deflateRawSync } from "node:zlib";

import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";

/**
 * One file to write into a ZIP: text made in memory, or a file in storage. A stored file gives
 * `open` to be streamed; one that also gives `read` and its `sizeBytes` is small enough to be read
 * whole, and is read ahead of its turn (see `streamZip`).
 */
export type ZipSource =
  | { path: string; text: string }
  | {
      path: string;
      open: () => Readable;
      compress: boolean;
      read?: () => Promise<Uint8Array>;
      sizeBytes?: number;
    };

/** Files up to this size are read whole, ahead of their turn, when their source can be. */
export const READ_WHOLE_MAX_BYTES = 1024 * 1024;

// How far reading runs ahead of writing. A stream of every small file, one after another, spent
// most of its time waiting on the disk's open, read, read and close for each in turn, then in
// fflate's deflate in JavaScript (with fresh buffers of about 200 kB for every file, so much of it
// collecting garbage). Small files are read a few ahead of writing, hiding the disk's wait, and
// compressed by zlib in one call each; the limits keep memory flat.
const READ_AHEAD_FILES = 16;
const READ_AHEAD_BYTES = 8 * 1024 * 1024;

// fflate hands over a header, the data and a descriptor for every file: for a pack of small files,
// thousands of writes of a few hundred bytes, each its own chunk of an HTTP response. They are
// gathered into writes of about this size.
const WRITE_BYTES = 64 * 1024;

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

/** A small file ready to add: its size and CRC-32, and its bytes as they go in the ZIP. */
interface Prepared {
  size: number;
  crc: number;
  compression: 0 | 8;
  data: Uint8Array;
}

interface Queued {
  source: ZipSource;
  bytes: number;
  content?: Promise<Prepared>;
}

function prepareBytes(bytes: Uint8Array, compress: boolean): Prepared {
  const crc = crc32(bytes);
  if (!compress) return { size: bytes.length, crc, compression: 0, data: bytes };
  // zlib's own deflate at the level fflate's is used at for the pack's text. Its asynchronous
  // form, a stream for every file, cost more than compressing a small file here.
  const data = deflateRawSync(bytes, { level: 6 });
  return { size: bytes.length, crc, compression: 8, data };
}

async function prepare(read: () => Promise<Uint8Array>, compress: boolean): Promise<Prepared> {
  return prepareBytes(await read(), compress);
}

// A ZIP entry whose bytes are already compressed (or stored): fflate writes its header, the
// bytes and its data descriptor as for any other entry.
function preparedEntry(path: string, prepared: Prepared): ZipInputFile {
  const { size, crc, compression } = prepared;
  return { filename: path, size, crc, compression, flag: 0, terminate: () => undefined };
}

function readable(source: ZipSource): number | undefined {
  if ("text" in source || source.read === undefined || source.sizeBytes === undefined) {
    return undefined;
  }
  return source.sizeBytes <= READ_WHOLE_MAX_BYTES ? source.sizeBytes : undefined;
}

/**
 * The sources in order, each small stored file with its reading already started: up to
 * READ_AHEAD_FILES files and READ_AHEAD_BYTES ahead. A source is taken from `sources` early only
 * after one that is read whole, so a generator whose later sources depend on the earlier ones
 * having been streamed (the backup's manifest) is never run ahead.
 */
function* readAhead(sources: Iterable<ZipSource>): Generator<Queued> {
  const iterator = sources[Symbol.iterator]();
  const queue: Queued[] = [];
  let queuedBytes = 0;
  let done = false;
  const take = (): boolean => {
    const next = iterator.next();
    if (next.done === true) {
      done = true;
      return false;
    }
    const source = next.value;
    const bytes = readable(source);
    const queued: Queued = { source, bytes: bytes ?? 0 };
    if (bytes !== undefined && "read" in source && source.read !== undefined) {
      queued.content = prepare(source.read, source.compress);
      // A failure is thrown when its turn comes; until then it must not count as unhandled.
      queued.content.catch(() => undefined);
      queuedBytes += bytes;
    }
    queue.push(queued);
    return true;
  };
  try {
    while (true) {
      if (queue.length === 0 && (done || !take())) return;
      while (
        !done &&
        queue.length < READ_AHEAD_FILES &&
        queuedBytes < READ_AHEAD_BYTES &&
        queue[queue.length - 1]?.content !== undefined &&
        take()
      );
      const first = queue.shift();
      if (first === undefined) return;
      queuedBytes -= first.bytes;
      yield first;
    }
  } finally {
    iterator.return?.();
  }
}

/**
 * Writes a ZIP to `out` one file at a time, reading each file as a stream (or a small one whole
 * and compressed, a few files ahead) and waiting whenever `out` is full, so memory stays flat
 * however many files there are. Ends `out` when done; a failure destroys it (the response has
 * already started) and is thrown.
 */
export async function streamZip(
  out: Writable,
  options: { sources: Iterable<ZipSource>; modifiedAt: Date },
): Promise<void> {
  let full: Promise<unknown> | undefined;
  let failure: Error | undefined;
  let gathered: Uint8Array[] = [];
  let gatheredBytes = 0;
  let ended = false;
  const flush = (): void => {
    if (gathered.length === 0) return;
    const chunk = gathered.length === 1 ? gathered[0] : Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    if (!out.write(chunk) && full === undefined) {
      full = roomOrClose(out).finally(() => {
        full = undefined;
      });
    }
  };
  const zip = new Zip((error, chunk, final) => {
    if (error != null) {
      failure = error;
      return;
    }
    gathered.push(chunk);
    gatheredBytes += chunk.length;
    if (gatheredBytes >= WRITE_BYTES || final) flush();
    if (final) {
      ended = true;
      out.end();
    }
  });
  const settle = async (): Promise<void> => {
    if (full !== undefined) await full;
    if (failure !== undefined) throw failure;
    // Once ended, `out` may finish and be destroyed before the last wait is over.
    if (out.destroyed && !ended) throw new Error("The client stopped reading the ZIP");
  };
  const add = (entry: ZipInputFile): void => {
    entry.mtime = options.modifiedAt;
    zip.add(entry);
  };
  const addWhole = (path: string, prepared: Prepared): void => {
    const entry = preparedEntry(path, prepared);
    add(entry);
    // A file's bytes from Node are never on a SharedArrayBuffer, whatever their type allows.
    entry.ondata?.(null, prepared.data as Uint8Array<ArrayBuffer>, true);
  };
  try {
    for (const { source, content } of readAhead(options.sources)) {
      if ("text" in source) {
        // Text made here (the index, the list, the manifest) is compressed by zlib in one call,
        // as small files are: fflate's deflate in JavaScript took several times as long.
        addWhole(source.path, prepareBytes(Buffer.from(source.text, "utf8"), true));
        await settle();
        continue;
      }
      if (content !== undefined) {
        addWhole(source.path, await content);
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
