import { createHash } from "node:crypto";

import type { PackInclude } from "@dapkit/contract";

/** One file of the pack as the manifest lists it. */
export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** The SHA-256 and size of a text file written into the pack (as UTF-8). */
export function describeText(path: string, text: string): ManifestFile {
  const bytes = Buffer.from(text, "utf8");
  return { path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/**
 * The pack's `manifest.json`: when and for whom it was made, which evidence it holds, and every
 * other file in it with its SHA-256, so an assessor can check nothing was changed or left out.
 */
export function renderManifest(manifest: {
  organisationName: string;
  generatedAt: Date;
  include: PackInclude;
  files: readonly ManifestFile[];
}): string {
  return `${JSON.stringify(
    {
      organisation: manifest.organisationName,
      generatedAt: manifest.generatedAt.toISOString(),
      includes: manifest.include === "all" ? "all evidence" : "approved, in-date evidence only",
      files: manifest.files,
    },
    null,
    2,
  )}\n`;
}
