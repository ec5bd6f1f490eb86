import { Readable, Writable } from "node:stream";

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { streamZip } from "./stream-zip";

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
