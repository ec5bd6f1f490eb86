import { Readable, Writable } from "node:stream";

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { READ_WHOLE_MAX_BYTES, streamZip, type ZipSource } from "./stream-zip";

// A reader slower than the writer, so the ZIP must wait for it rather than pile up in memory.
function slowSink() {
  const chunks: Buffer[] = [];
  let mostBuffered = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      mostBuffered = Math.max(mostBuffered, sink.writableLength);
      setImmediate(callback);
    },
  });
  return { sink, chunks, mostBuffered: () => mostBuffered };
}

function megabyteFile(fill: number): Readable {
  return Readable.from(
    Array.from({ length: 16 }, () => Buffer.alloc(64 * 1024, fill)),
    { objectMode: false },
  );
}

describe("streamZip", () => {
  test("writes every file and waits for a slow reader instead of buffering the archive", async () => {
    const { sink, chunks, mostBuffered } = slowSink();
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    await streamZip(sink, {
      modifiedAt: new Date("2022-04-05T09:00:00Z"),
      sources: [
        { path: "index.html", text: "<p>Pack</p>" },
        ...[1, 2, 3, 4].map((n) => ({
          path: `files/a/${String(n)}.bin`,
          open: () => megabyteFile(n),
          compress: false,
        })),
      ],
    });
    await finished;
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(strFromU8(files["index.html"] ?? new Uint8Array())).toBe("<p>Pack</p>");
    expect(files["files/a/3.bin"]?.length).toBe(1024 * 1024);
    expect(files["files/a/3.bin"]?.[1000]).toBe(3);
    // Four megabytes went through, but never more than about one file chunk waited in memory.
    expect(mostBuffered()).toBeLessThan(256 * 1024);
  });

  test("leaves no listeners behind however often the reader falls behind", async () => {
    const { sink } = slowSink();
    const before = { close: sink.listenerCount("close"), error: sink.listenerCount("error") };
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    await streamZip(sink, {
      modifiedAt: new Date("2022-04-05T09:00:00Z"),
      // 32 MB stored uncompressed through a 64 kB buffer: the sink fills hundreds of times.
      sources: Array.from({ length: 32 }, (_, n) => ({
        path: `files/${String(n)}.bin`,
        open: () => megabyteFile(n),
        compress: false,
      })),
    });
    await finished;
    expect(sink.listenerCount("drain")).toBe(0);
    expect(sink.listenerCount("close")).toBe(before.close);
    expect(sink.listenerCount("error")).toBe(before.error);
  });

  test("reads small files whole a few at a time ahead of writing, each byte for byte and in order", async () => {
    const { sink, chunks } = slowSink();
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    const contents = Array.from({ length: 200 }, (_, n) =>
      Buffer.from(`file ${String(n)} `.repeat(n + 1)),
    );
    let reading = 0;
    let mostReading = 0;
    const sources: ZipSource[] = contents.map((bytes, n) => ({
      path: `files/${String(n)}.txt`,
      compress: n % 2 === 0,
      sizeBytes: bytes.length,
      open: () => {
        throw new Error("a small file is read whole, not streamed");
      },
      read: async () => {
        reading += 1;
        mostReading = Math.max(mostReading, reading);
        await new Promise((resolve) => setImmediate(resolve));
        reading -= 1;
        return bytes;
      },
    }));
    await streamZip(sink, { modifiedAt: new Date("2022-04-05T09:00:00Z"), sources });
    await finished;
    const zipped = new Uint8Array(Buffer.concat(chunks));
    const files = unzipSync(zipped);
    expect(Object.keys(files)).toEqual(contents.map((_, n) => `files/${String(n)}.txt`));
    contents.forEach((bytes, n) => {
      expect(Buffer.from(files[`files/${String(n)}.txt`] ?? new Uint8Array()).equals(bytes)).toBe(
        true,
      );
    });
    // Reading runs ahead, but only a few files: memory stays flat however many there are.
    expect(mostReading).toBeGreaterThan(1);
    expect(mostReading).toBeLessThanOrEqual(16);
    // Hundreds of small entries went out in a few large writes, not one per header and file.
    expect(chunks.length).toBeLessThan(20);
  });

  test("streams a file too large to read whole", async () => {
    const { sink, chunks } = slowSink();
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    await streamZip(sink, {
      modifiedAt: new Date("2022-04-05T09:00:00Z"),
      sources: [
        {
          path: "large.bin",
          compress: false,
          sizeBytes: READ_WHOLE_MAX_BYTES + 1,
          open: () => megabyteFile(7),
          read: () => Promise.reject(new Error("a large file is streamed, not read whole")),
        },
      ],
    });
    await finished;
    expect(unzipSync(new Uint8Array(Buffer.concat(chunks)))["large.bin"]?.length).toBe(1024 * 1024);
  });

  test("takes nothing from a generator ahead of a streamed file", async () => {
    const { sink, chunks } = slowSink();
    const finished = new Promise((resolve) => sink.on("finish", resolve));
    const streamed: string[] = [];
    // As the backup's sources are made: the last is written from what the streams before it saw.
    function* sources(): Generator<ZipSource> {
      for (const n of [1, 2]) {
        yield {
          path: `${String(n)}.bin`,
          compress: false,
          open: () => megabyteFile(n).on("end", () => streamed.push(`${String(n)}.bin`)),
        };
      }
      yield { path: "manifest.txt", text: streamed.join(",") };
    }
    await streamZip(sink, { modifiedAt: new Date("2022-04-05T09:00:00Z"), sources: sources() });
    await finished;
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(strFromU8(files["manifest.txt"] ?? new Uint8Array())).toBe("1.bin,2.bin");
  });

  test("stops at a small file that cannot be read, read ahead or not", async () => {
    const { sink } = slowSink();
    const small = (n: number, fails: boolean): ZipSource => ({
      path: `${String(n)}.txt`,
      compress: true,
      sizeBytes: 5,
      open: () => megabyteFile(n),
      read: () =>
        fails ? Promise.reject(new Error("disk error")) : Promise.resolve(Buffer.from("bytes")),
    });
    await expect(
      streamZip(sink, {
        modifiedAt: new Date(),
        sources: [small(1, false), small(2, false), small(3, true), small(4, true)],
      }),
    ).rejects.toThrow("disk error");
    expect(sink.destroyed).toBe(true);
  });

  test("stops and destroys the output when a file cannot be read", async () => {
    const { sink } = slowSink();
    const failing = new Readable({
      read() {
        this.destroy(new Error("disk error"));
      },
    });
    await expect(
      streamZip(sink, {
        modifiedAt: new Date(),
        sources: [{ path: "broken.pdf", open: () => failing, compress: false }],
      }),
    ).rejects.toThrow("disk error");
    expect(sink.destroyed).toBe(true);
  });
});
