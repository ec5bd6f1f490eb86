import * as z from "zod";

/** Thrown when a backup or restore cannot be done; the message says why and what to do. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** The database's name inside the data directory and inside a backup. */
export const DATABASE_FILE = "dapkit.db";
/** The manifest's name inside a backup. */
export const MANIFEST_FILE = "manifest.json";
/** The manifest's HMAC-SHA256 under the operator's backup key, in hex, inside a backup. */
export const SIGNATURE_FILE = "manifest.hmac";

const SHA256 = /^[0-9a-f]{64}$/;

/** A stored evidence file's path, the same in the data directory and in a backup. */
export const EVIDENCE_PATH = /^files\/(?<prefix>[0-9a-f]{2})\/(?<sha256>[0-9a-f]{64})$/;

const EntrySchema = z.object({
  path: z.string(),
  sha256: z.string().regex(SHA256),
  sizeBytes: z.int().min(0),
});

/** One file a backup holds, with the hash and size it must have when restored. */
export type ManifestEntry = z.infer<typeof EntrySchema>;

/** What a backup says about itself: every file it holds, and the database, with their hashes. */
export const ManifestSchema = z.object({
  format: z.literal("dapkit-backup"),
  // Version 2 backups are signed (version 1 were not, and are no longer restored).
  version: z.literal(2),
  createdAt: z.string(),
  /** Which backup key signed it (see readBackupKey), so a restore can say it needs another. */
  keyId: z.string(),
  database: EntrySchema.extend({ path: z.literal(DATABASE_FILE) }),
  files: z.array(EntrySchema.extend({ path: z.string().regex(EVIDENCE_PATH) })),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** Where an evidence file with this hash lives, relative to the data directory. */
export function evidencePath(sha256: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256}`;
}
