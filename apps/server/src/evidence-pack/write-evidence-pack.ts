import type { Writable } from "node:stream";

import type { FileStore } from "../files/file-store";
import type { EvidencePackData } from "../services/evidence/load-evidence-pack";
import { buildPackEntries, type PackEntry } from "./pack-entries";
import type { PackContents } from "./pack-contents";
import { renderEvidenceCsv } from "./render-evidence-csv";
import { renderIndexHtml } from "./render-index-html";
import { describeText, renderManifest, type ManifestFile } from "./render-manifest";
import { streamZip, type ZipSource } from "./stream-zip";

// Text and the older Office formats shrink well; PDF, the newer Office formats (themselves ZIPs)
// and images are compressed already, so deflating them again only costs time.
const WORTH_COMPRESSING = new Set([
  "text/csv",
  "text/plain",
  "message/rfc822",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.ms-powerpoint",
]);

/**
 * Streams an evidence pack ZIP to `out`: `index.html`, `evidence.csv`, the newest file of each
 * item, then `manifest.json` listing each of those with its SHA-256. A file missing from storage
 * is left out and shown as not available in the index.
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
  const entries = buildPackEntries(stored, data.notApproved);
  const filePaths = new Map(
    entries.flatMap((entry) =>
      entry.kind === "file" ? [[entry.itemId, entry.path] as const] : [],
    ),
  );
  const contents: PackContents = { ...data, generatedAt, filePaths };
  const texts = { index: renderIndexHtml(contents), csv: renderEvidenceCsv(contents) };
  // A stored file's name is the SHA-256 of its contents, so it need not be read again to list it.
  const listed: ManifestFile[] = entries.map((entry: PackEntry) =>
    entry.kind === "file"
      ? { path: entry.path, sha256: entry.sha256, bytes: entry.sizeBytes }
      : describeText(entry.path, texts[entry.kind]),
  );
  const sources: ZipSource[] = entries.map((entry) =>
    entry.kind === "file"
      ? {
          path: entry.path,
          open: () => files.read(entry.sha256),
          read: () => files.readWhole(entry.sha256),
          sizeBytes: entry.sizeBytes,
          compress: WORTH_COMPRESSING.has(entry.mediaType),
        }
      : { path: entry.path, text: texts[entry.kind] },
  );
  sources.push({
    path: "manifest.json",
    text: renderManifest({ ...data, generatedAt, files: listed }),
  });
  await streamZip(out, { sources, modifiedAt: generatedAt });
}
