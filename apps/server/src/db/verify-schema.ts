import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import { MIGRATIONS_FOLDER } from "../paths";

/**
 * Thrown when a database's schema, triggers or migration history are not exactly those this
 * version of dapkit ships: someone changed it outside dapkit (dropping the triggers that keep the
 * audit log append-only, say), or a newer version wrote it. The message lists what differs.
 */
export class SchemaMismatchError extends Error {
  override name = "SchemaMismatchError";
}

// Drizzle's record of the migrations it has applied, one row each in the order applied (its `id`
// column is declared SERIAL, which SQLite leaves empty, so the rowid gives the order).
const MIGRATIONS_TABLE = "__drizzle_migrations";
const MOST_LISTED = 10;

interface Migration {
  hash: string;
  createdAt: number;
}

/** Every table, index, trigger and view by kind and name, with its SQL; SQLite's own left out. */
function schemaObjects(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare(
      "select type, name, sql from sqlite_master where name not like 'sqlite\\_%' escape '\\' order by type, name",
    )
    .all() as { type: string; name: string; sql: string | null }[];
  // Whitespace aside: ALTER TABLE rewrites a table's SQL text, and only its meaning matters.
  return new Map(
    rows.map((row) => [`${row.type} ${row.name}`, (row.sql ?? "").replace(/\s+/g, " ")]),
  );
}

function appliedMigrations(sqlite: Database.Database): Migration[] {
  const exists = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(MIGRATIONS_TABLE);
  if (exists === undefined) return [];
  const rows = sqlite
    .prepare(`select hash, created_at as createdAt from ${MIGRATIONS_TABLE} order by rowid`)
    .all() as { hash: string; createdAt: number | string }[];
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

let shipped: { objects: Map<string, string>; migrations: Migration[] } | undefined;

// What the code ships, worked out rather than written down: the committed migrations applied to
// an empty database. Once per process.
function shippedSchema(): NonNullable<typeof shipped> {
  if (shipped === undefined) {
    const sqlite = new Database(":memory:");
    try {
      migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
      shipped = { objects: schemaObjects(sqlite), migrations: appliedMigrations(sqlite) };
    } finally {
      sqlite.close();
    }
  }
  return shipped;
}

function sameMigration(a: Migration, b: Migration | undefined): boolean {
  return a.hash === b?.hash && a.createdAt === b.createdAt;
}

function mismatch(where: string, problems: readonly string[]): SchemaMismatchError {
  const listed = problems.slice(0, MOST_LISTED).map((problem) => `  - ${problem}`);
  if (problems.length > MOST_LISTED) {
    listed.push(`  - and ${String(problems.length - MOST_LISTED)} more`);
  }
  return new SchemaMismatchError(
    `The database ${where} is not one this version of dapkit made:\n${listed.join("\n")}\n` +
      "It was changed outside dapkit or by another version. dapkit will not run on it: " +
      "restore a backup you trust into an empty data directory (see the README's backup section).",
  );
}

/**
 * Before migrating: the migrations the database records are the first of those the code ships,
 * in order, so that migrating brings it to exactly the shipped schema.
 */
export function verifyMigrationHistory(sqlite: Database.Database, where: string): void {
  const applied = appliedMigrations(sqlite);
  const { migrations } = shippedSchema();
  if (applied.length > migrations.length) {
    throw mismatch(where, [
      `it records ${String(applied.length)} migrations and this version ships ${String(migrations.length)}: a newer version of dapkit wrote it`,
    ]);
  }
  const differs = applied.findIndex(
    (migration, index) => !sameMigration(migration, migrations[index]),
  );
  if (differs !== -1) {
    throw mismatch(where, [
      `migration ${String(differs + 1)} of its history is not the one this version ships`,
    ]);
  }
}

/**
 * After migrating: every table, index, trigger and view, and the migration history, are exactly
 * those the shipped migrations make on an empty database; nothing missing, changed or added.
 */
export function verifySchema(sqlite: Database.Database, where: string): void {
  const expected = shippedSchema();
  const actual = schemaObjects(sqlite);
  const problems: string[] = [];
  for (const [object, sql] of expected.objects) {
    const found = actual.get(object);
    if (found === undefined) problems.push(`${object} is missing`);
    else if (found !== sql) problems.push(`${object} has been changed`);
  }
  for (const object of actual.keys()) {
    if (!expected.objects.has(object)) problems.push(`${object} is not part of dapkit`);
  }
  const applied = appliedMigrations(sqlite);
  if (
    applied.length !== expected.migrations.length ||
    applied.some((migration, index) => !sameMigration(migration, expected.migrations[index]))
  ) {
    problems.push("its migration history is not the one this version ships");
  }
  if (problems.length > 0) throw mismatch(where, problems);
}
