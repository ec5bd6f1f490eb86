import type Database from "better-sqlite3";

import type { Db } from "./client";

/** How many counts a connection remembers: a page's filters for many people, with room over. */
export const MAX_CACHED_COUNTS = 1_000;

// Changes whenever anything could have changed a count: this connection's own writes (its total
// of changed rows, counted even if rolled back) or any other connection's commit (the import
// worker's, another process's): SQLite's data_version.
const DATA_VERSION = `select total_changes() || ':' || data_version from pragma_data_version()`;

interface Remembered {
  version: Database.Statement;
  counts: Map<string, { at: string; total: number }>;
}

const byConnection = new WeakMap<Database.Database, Remembered>();

/** A count a list shows with each page: a query of one row with its `total`. */
interface CountQuery {
  toSQL(): { sql: string; params: unknown[] };
  get(): { total: number } | undefined;
}

/**
 * The total a list shows on every page ("of N"), counted once and remembered until the database
 * changes. Paging through a long list by key costs no more at page 300 than at page 1, but
 * counting its matches costs the whole list on every page; the count is the same until something
 * is written. The query's SQL and values are the key, so two people's or two filters' counts are
 * never mixed up. Only for counts that depend on the data alone (not on the time of the request).
 */
export function cachedCount(db: Db, query: CountQuery): number {
  const sqlite = db.$client;
  let remembered = byConnection.get(sqlite);
  if (remembered === undefined) {
    remembered = { version: sqlite.prepare(DATA_VERSION), counts: new Map() };
    byConnection.set(sqlite, remembered);
  }
  const at = String(remembered.version.pluck().get());
  const { sql, params } = query.toSQL();
  const key = JSON.stringify([sql, params]);
  const { counts } = remembered;
  const known = counts.get(key);
  counts.delete(key);
  const total = known?.at === at ? known.total : (query.get()?.total ?? 0);
  counts.set(key, { at, total });
  if (counts.size > MAX_CACHED_COUNTS) {
    const oldest = counts.keys().next().value;
    if (oldest !== undefined) counts.delete(oldest);
  }
  return total;
}
