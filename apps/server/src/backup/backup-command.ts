import { BackupError } from "./backup-manifest";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";

/** How to call the server's commands, printed when they are called wrongly. */
export const USAGE = [
  "Usage:",
  "  dapkit-server [start]                  run the tracker",
  "  dapkit-server backup <file>            back up the data directory (safe while it runs)",
  "  dapkit-server restore <file> [--force] restore a backup into the data directory",
  "The data directory is DAPKIT_DATA_DIR (default ./data).",
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
  dataDir: string,
): Promise<string> {
  const file = fileArgument(args);
  if (command === "backup") {
    if (args.includes("--force")) throw new BackupError(USAGE);
    const summary = await createBackup({ dataDir, file });
    return `Backed up the database and ${summary.evidenceFiles} evidence file(s) to ${summary.file}`;
  }
  const summary = await restoreBackup({ dataDir, file, force: args.includes("--force") });
  return `Restored the backup of ${summary.createdAt} (the database and ${summary.evidenceFiles} evidence file(s)) into ${summary.dataDir}`;
}
