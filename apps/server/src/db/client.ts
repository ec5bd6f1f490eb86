import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import { MIGRATIONS_FOLDER } from "../paths";
import * as schema from "./schema";
import { cacheStatements } from "./statement-cache";
import { verifyMigrationHistory, verifySchema } from "./verify-schema";

/** The server's database handle: drizzle over one better-sqlite3 connection. */
export type Db = ReturnType<typeof openDrizzle>;
/** A transaction handle; services accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run queries: the database or a transaction. */
export type Queryable = Db | Tx;

function openDrizzle(sqlite: Database.Database) {
  return drizzle(sqlite, { schema, casing: "snake_case" });
}

// A connection with the pragmas the server relies on and its compiled statements kept.
function connect(path: string): Database.Database {
  const sqlite = new Database(path);
  // WAL lets readers continue while a write commits and survives a crash without corruption.
  if (path !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 64 MB of page cache rather than SQLite's 2 MB: an import of 100,000 nominations touches index
  // pages all over tables of a million rows, and with the default cache nearly every insert read
  // its pages back from the file (the benchmarks measured about 40 % off such an import).
  sqlite.pragma("cache_size = -65536");
  cacheStatements(sqlite);
  return sqlite;
}

/**
 * Opens (or creates) the database at `path` — a file, or `:memory:` for tests — with the pragmas
 * the server relies on, and applies the committed migrations. Throws SchemaMismatchError if the
 * database's schema, triggers or migrations are not exactly those the code ships. Nothing opens a
 * database on import.
 */
export function createDb(path: string): Db {
  const sqlite = connect(path);
  try {
    // A database changed outside dapkit (the audit log's triggers dropped, say) is refused
    // rather than run on: before migrating, its history; after, everything the migrations make.
    verifyMigrationHistory(sqlite, path);
    const db = openDrizzle(sqlite);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    verifySchema(sqlite, path);
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Another connection, with the same pragmas, to a database file this process has already opened
 * with {@link createDb}: migrated and checked there, so not again (the check builds the shipped
 * schema from every migration). The import worker's.
 */
export function connectDb(path: string): Db {
  return openDrizzle(connect(path));
}
