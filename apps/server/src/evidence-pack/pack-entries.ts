import { PACK_NOT_APPROVED } from "@dapkit/contract";

import { safeFileName } from "../services/evidence/safe-file-name";

/** What the pack needs to know about an item to include its newest file. */
export interface PackItem {
  id: string;
  areaId: string;
  latestRevision: { fileName: string; sha256: string; mediaType: string; sizeBytes: number } | null;
}

/** One entry of the evidence pack ZIP, in the order it is written. */
export type PackEntry =
  | { kind: "index"; path: "index.html" }
  | { kind: "csv"; path: "evidence.csv" }
  | {
      kind: "file";
      path: string;
      itemId: string;
      sha256: string;
      mediaType: string;
      sizeBytes: number;
    };

function withSuffix(fileName: string, n: number): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0
    ? `${fileName.slice(0, dot)} (${String(n)})${fileName.slice(dot)}`
    : `${fileName} (${String(n)})`;
}

/**
 * The pack's entries: `index.html`, `evidence.csv`, then the newest file of each item that has one
 * under `files/<area id>/<name>`, the name starting "Not approved - " for an item in `notApproved`
 * so the file is marked wherever it is copied to. Names that clash within a folder (ignoring case, as Windows
 * does) get " (2)", " (3)"… before the extension, in item order.
 */
export function buildPackEntries(
  items: readonly PackItem[],
  notApproved: ReadonlySet<string> = new Set(),
): PackEntry[] {
  const taken = new Set<string>();
  const files: PackEntry[] = [];
  for (const item of items) {
    if (item.latestRevision == null) continue;
    const folder = `files/${safeFileName(item.areaId)}/`;
    const fileName = item.latestRevision.fileName;
    const name = safeFileName(
      notApproved.has(item.id) ? `${PACK_NOT_APPROVED} - ${fileName}` : fileName,
    );
    let path = `${folder}${name}`;
    for (let n = 2; taken.has(path.toLowerCase()); n += 1) path = `${folder}${withSuffix(name, n)}`;
    taken.add(path.toLowerCase());
    const { sha256, mediaType, sizeBytes } = item.latestRevision;
    files.push({ kind: "file", path, itemId: item.id, sha256, mediaType, sizeBytes });
  }
  return [{ kind: "index", path: "index.html" }, { kind: "csv", path: "evidence.csv" }, ...files];
}
