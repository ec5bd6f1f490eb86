import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, test } from "vitest";

import { MIGRATIONS_FOLDER } from "../paths";
import { newDataDir } from "../test/data-dir";
import { createDb } from "./client";
import { SchemaMismatchError } from "./verify-schema";

/** A database file made by createDb, changed by `tamper` through a plain connection. */
function tampered(tamper: (sqlite: Database.Database) => void): string {
  const path = join(newDataDir("dapkit-schema-"), "..", "dapkit.db");
  createDb(path).$client.close();
  const sqlite = new Database(path);
  tamper(sqlite);
  sqlite.close();
  return path;
}

describe("createDb verifies the schema", () => {
  test("opens a database it made, again and again", () => {
    const path = tampered(() => undefined);
    createDb(path).$client.close();
    expect(() => createDb(path).$client.close()).not.toThrow();
  });

  test("refuses a database whose audit log triggers were dropped, naming each", () => {
    const path = tampered((sqlite) => {
      sqlite.exec("drop trigger audit_log_no_delete; drop trigger audit_log_no_update");
    });
    expect(() => createDb(path)).toThrow(SchemaMismatchError);
    expect(() => createDb(path)).toThrow(
      `The database ${path} is not one this version of dapkit made:\n` +
        "  - trigger audit_log_no_delete is missing\n" +
        "  - trigger audit_log_no_update is missing\n",
    );
  });

  test("refuses a changed trigger, an added object and a forged migration history", () => {
    const changed = tampered((sqlite) => {
      sqlite.exec(
        "drop trigger audit_log_no_delete; create trigger audit_log_no_delete before delete on audit_log when 0 begin select 1; end",
      );
    });
    expect(() => createDb(changed)).toThrow("trigger audit_log_no_delete has been changed");
    const added = tampered((sqlite) => {
      sqlite.exec("create table notes (body text)");
    });
    expect(() => createDb(added)).toThrow("table notes is not part of dapkit");
    const forgedHistory = tampered((sqlite) => {
      sqlite.exec("update __drizzle_migrations set hash = 'x' where rowid = 2");
    });
    expect(() => createDb(forgedHistory)).toThrow(
      "migration 2 of its history is not the one this version ships",
    );
    const newer = tampered((sqlite) => {
      sqlite.exec("insert into __drizzle_migrations (hash, created_at) values ('future', 9e15)");
    });
    expect(() => createDb(newer)).toThrow("a newer version of dapkit wrote it");
  });

  test("migrates a database an earlier version made, then accepts it", () => {
    // The shipped migrations but the last, as an earlier version would have applied them.
    const earlier = join(newDataDir("dapkit-migrations-"), "..", "drizzle");
    cpSync(MIGRATIONS_FOLDER, earlier, { recursive: true });
    const journalPath = join(earlier, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
    journal.entries.pop();
    writeFileSync(journalPath, JSON.stringify(journal));
    const path = join(earlier, "..", "dapkit.db");
    const sqlite = new Database(path);
    migrate(drizzle(sqlite), { migrationsFolder: earlier });
    sqlite.close();
    expect(() => createDb(path).$client.close()).not.toThrow();
  });
});
