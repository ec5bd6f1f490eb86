import { readBackupKey } from "./backup-key";
import { BackupError } from "./backup-manifest";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";

/** How to call the server's commands, printed when they are called wrongly. */
export const USAGE = [
  "Usage:",
  "  dapkit-server [start]                  run the tracker",
  "  dapkit-server backup <file>            back up the data directory (safe while it runs)",
  "  dapkit-server restore <file> [--force] restore a backup into the data directory",
  "  dapkit-server create-organisation --name <name> --admin-email <email>",
  "                                         set up an organisation and its first admin",
  "The data directory is DAPKIT_DATA_DIR (default ./data). Backups are signed, and restores",
  "verified, with the key in DAPKIT_BACKUP_KEY_FILE, a file outside the data directory.",
].join("\n");

function fileArgument(args: readonly string[]): string {
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--force");
  if (files.length !== 1 || unknown.length > 0) throw new BackupError(USAGE);
  return files[0] ?? "";
}

/** Runs `backup <file>` or `restore <file> [--force]` on the data directory; returns what to print. */
export async function runBackupCommand(
  command: "backup" | "restore",
  args: readonly string[],
  settings: { dataDir: string; keyFile: string | undefined },
): Promise<string> {
  const file = fileArgument(args);
  const { dataDir } = settings;
  if (command === "backup") {
    if (args.includes("--force")) throw new BackupError(USAGE);
    const key = readBackupKey(settings.keyFile, dataDir);
    const summary = await createBackup({ dataDir, file, key });
    return `Backed up the database and ${summary.evidenceFiles} evidence file(s) to ${summary.file}, signed with backup key ${key.id}`;
  }
  const key = readBackupKey(settings.keyFile, dataDir);
  const summary = await restoreBackup({ dataDir, file, force: args.includes("--force"), key });
  return `Restored the backup of ${summary.createdAt} (the database and ${summary.evidenceFiles} evidence file(s)) into ${summary.dataDir}`;
}
