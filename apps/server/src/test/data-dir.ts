import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import Database from "better-sqlite3";

/** A new, not yet created, data directory path under the system's temporary folder. */
export function newDataDir(prefix = "dapkit-data-"): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), "data");
}

/** Every row of every table, in rowid order, read through a fresh connection. */
export function dumpTables(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare(`select * from "${table}" order by rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a database file: "ok" when it is intact. */
export function integrityCheck(dbPath: string): unknown {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
}

/** The sha256 of every file under `root`, by path relative to it. */
export function fileHashes(root: string): Record<string, string> {
  if (!existsSync(root)) return {};
  const entries = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const hash = createHash("sha256").update(readFileSync(path)).digest("hex");
      return [relative(root, path), hash] as const;
    });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
