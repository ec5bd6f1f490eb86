import type { Writable } from "node:stream";

import type { FileStore } from "../files/file-store";
import type { EvidencePackData } from "../services/evidence/load-evidence-pack";
import { buildPackEntries, type PackEntry } from "./pack-entries";
import type { PackContents } from "./pack-contents";
import { renderEvidenceCsv } from "./render-evidence-csv";
import { renderIndexHtml } from "./render-index-html";
import { streamZip, type ZipSource } from "./stream-zip";

// Text and the older Office formats shrink well; PDF, the newer Office formats (themselves ZIPs)
// and images are compressed already, so deflating them again only costs time.
const WORTH_COMPRESSING = new Set([
  "text/csv",
  "text/plain",
  "application/msword",
  "application/vnd.ms-excel",
]);

function sourceOf(
  entry: PackEntry,
  options: { contents: PackContents; files: FileStore },
): ZipSource {
  switch (entry.kind) {
    case "index":
      return { path: entry.path, text: renderIndexHtml(options.contents) };
    case "csv":
      return { path: entry.path, text: renderEvidenceCsv(options.contents) };
    case "file":
      return {
        path: entry.path,
        open: () => options.files.read(entry.sha256),
        compress: WORTH_COMPRESSING.has(entry.mediaType),
      };
  }
}

/**
 * Streams an evidence pack ZIP to `out`: `index.html`, `evidence.csv` and the newest file of each
 * item. A file missing from storage is left out and shown as not available in the index.
 */
export async function writeEvidencePack(
  out: Writable,
  options: { data: EvidencePackData; files: FileStore; generatedAt: Date },
): Promise<void> {
  const { data, files, generatedAt } = options;
  const stored = data.items.map((item) =>
    item.latestRevision != null && !files.has(item.latestRevision.sha256)
      ? { ...item, latestRevision: null }
      : item,
  );
  const entries = buildPackEntries(stored);
  const filePaths = new Map(
    entries.flatMap((entry) =>
      entry.kind === "file" ? [[entry.itemId, entry.path] as const] : [],
    ),
  );
  const contents: PackContents = { ...data, generatedAt, filePaths };
  await streamZip(out, {
    sources: entries.map((entry) => sourceOf(entry, { contents, files })),
    modifiedAt: generatedAt,
  });
}
