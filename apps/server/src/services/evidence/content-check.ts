import { createReadStream } from "node:fs";

import { fileTypeFromFile } from "file-type";
import { Unzip } from "fflate";

import type { DetectedContent } from "./upload-policy";

// Parts that carry macros: VBA in an Office Open XML file (whatever its content types claim), or
// a Basic library in an OpenDocument file.
const MACRO_PART = /(?:^|\/)vbaproject\.bin$|^basic\//i;

// Markup that a text file should not open with: a page or an image a browser would render.
const MARKUP_START = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe)/i;

/**
 * Whether a ZIP-based file has a macro part, reading only the names of its parts as the file
 * streams past (nothing is decompressed, so memory stays small whatever the archive holds).
 */
async function hasMacroPart(path: string): Promise<boolean> {
  let found = false;
  const unzip = new Unzip((part) => {
    if (MACRO_PART.test(part.name)) found = true;
  });
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    unzip.push(chunk);
    if (found) return true;
  }
  unzip.push(new Uint8Array(0), true);
  return found;
}

/** Valid UTF-8 with no NUL byte that does not open like a web page; read in chunks. */
async function isSafeText(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = true;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      const text = decoder.decode(chunk, { stream: true });
      if (start && MARKUP_START.test(text)) return false;
      start = false;
    }
    decoder.decode();
    return true;
  } catch {
    // Not UTF-8 (a fatal decoder throws on the first bad sequence).
    return false;
  }
}

const ZIP_BASED = /^application\/(?:zip|vnd\.openxmlformats|vnd\.oasis|vnd\.ms-)/;

/**
 * What a stored file is, from its contents alone: the format its signature names (with whether a
 * ZIP-based document carries macros), safe text, or neither.
 */
export async function detectContent(path: string): Promise<DetectedContent> {
  const found = await fileTypeFromFile(path);
  if (found !== undefined) {
    const mime = found.mime.toLowerCase();
    if (!ZIP_BASED.test(mime)) return { kind: "binary", mime, macros: false };
    // An archive whose parts cannot be walked is not the document it claims to be.
    const macros = await hasMacroPart(path).catch(() => null);
    return macros == null ? { kind: "unknown" } : { kind: "binary", mime, macros };
  }
  return (await isSafeText(path)) ? { kind: "text" } : { kind: "unknown" };
}
