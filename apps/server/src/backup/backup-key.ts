import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative, resolve, isAbsolute } from "node:path";

import { BackupError } from "./backup-manifest";

/** The operator's secret that signs backups, and a short id that names it without revealing it. */
export interface BackupKey {
  secret: Buffer;
  id: string;
}

const MIN_KEY_CHARACTERS = 32;

const HOW_TO_MAKE_ONE =
  "Make one with `openssl rand -hex 32 > /etc/dapkit/backup.key` (readable only by the server's " +
  "user), keep a copy with the backups' owner, and set DAPKIT_BACKUP_KEY_FILE to its path.";

function inside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === "" || (!fromFolder.startsWith("..") && !isAbsolute(fromFolder));
}

/**
 * Reads the key that signs and verifies backups from `keyFile` (DAPKIT_BACKUP_KEY_FILE). It must be
 * outside the data directory: a key that travels with the data, or inside a backup, authenticates
 * nothing. Without one there is no backup and no restore, never an unsigned one.
 */
export function readBackupKey(keyFile: string | undefined, dataDir: string): BackupKey {
  if (keyFile === undefined) {
    throw new BackupError(
      `Backups are signed so that a changed one is refused, and there is no backup key. ${HOW_TO_MAKE_ONE}`,
    );
  }
  const path = resolve(keyFile);
  if (inside(resolve(dataDir), path)) {
    throw new BackupError(
      `The backup key ${path} is inside the data directory, so it would travel with the data it protects. Move it outside ${resolve(dataDir)} and set DAPKIT_BACKUP_KEY_FILE to its new path.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    throw new BackupError(
      `Cannot read the backup key ${path}: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}. ${HOW_TO_MAKE_ONE}`,
      { cause: error },
    );
  }
  if (text.length < MIN_KEY_CHARACTERS) {
    throw new BackupError(
      `The backup key ${path} is too short (${String(text.length)} characters; at least ${String(MIN_KEY_CHARACTERS)} random ones). ${HOW_TO_MAKE_ONE}`,
    );
  }
  const secret = Buffer.from(text, "utf8");
  return {
    secret,
    id: createHmac("sha256", secret).update("dapkit backup key id").digest("hex").slice(0, 12),
  };
}

/** The HMAC-SHA256 of a manifest's exact bytes, which hold every file's sha256. */
export function signManifest(key: BackupKey, manifest: Uint8Array): string {
  return createHmac("sha256", key.secret).update("dapkit-backup\n").update(manifest).digest("hex");
}

/** Whether `signature` is this key's signature of `manifest`, compared in constant time. */
export function signatureMatches(key: BackupKey, manifest: Uint8Array, signature: string): boolean {
  const expected = Buffer.from(signManifest(key, manifest), "hex");
  const given = Buffer.from(signature.trim(), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
