import { Readable } from "node:stream";

import { assertContentMatches, SNIFF_BYTES } from "./upload-policy";

function release(head: readonly Buffer[], mediaType: string): Buffer {
  const buffer = Buffer.concat(head);
  // An empty upload is left for the file store to refuse as empty rather than as mistyped.
  if (buffer.length > 0) assertContentMatches(mediaType, buffer.subarray(0, SNIFF_BYTES));
  return buffer;
}

async function* checked(source: Readable, mediaType: string): AsyncGenerator<Buffer> {
  const head: Buffer[] = [];
  let headLength = 0;
  let released = false;
  // The source (the request) is left open on failure, so the caller can still answer on it.
  for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    if (released) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength >= SNIFF_BYTES) {
      released = true;
      yield release(head, mediaType);
    }
  }
  if (!released) yield release(head, mediaType);
}

/**
 * `source` unchanged, read only as it is consumed, once its first bytes are seen to match
 * `mediaType`; otherwise it fails with a 415 error before anything past those bytes is passed on.
 */
export function checkedContent(source: Readable, mediaType: string): Readable {
  return Readable.from(checked(source, mediaType), { objectMode: false });
}
