import type Database from "better-sqlite3";

import type { Db } from "./client";
import { keepRecent } from "./recently-used";

// Changes whenever anything could have changed what was worked out: this connection's own writes
// (its total of changed rows, counted even if rolled back) or any other connection's commit (the
// import worker's, another process's): SQLite's data_version.
const DATA_VERSION = `select total_changes() || ':' || data_version from pragma_data_version()`;

const versions = new WeakMap<Database.Database, Database.Statement>();

function versionOf(sqlite: Database.Database): string {
  let statement = versions.get(sqlite);
  if (statement === undefined) {
    statement = sqlite.prepare(DATA_VERSION).pluck();
    versions.set(sqlite, statement);
  }
  return String(statement.get());
}

/** Values worked out from the database, the most recently used `limit` of them per connection. */
export interface ChangeCache<T> {
  limit: number;
  byConnection: WeakMap<Database.Database, Map<string, { at: string; value: T }>>;
}

/** A cache holding up to `limit` values per connection. */
export function changeCache<T>(limit: number): ChangeCache<T> {
  return { limit, byConnection: new WeakMap() };
}

/**
 * The value `compute` works out from the database, remembered under `key` until the database
 * changes. `key` must name everything the value depends on besides the data (whose rows, which
 * filters; the SQL and values of its query do), and the value must not depend on the time of the
 * request. Whoever takes a remembered value must not change it.
 */
export function untilChanged<T>(
  db: Db,
  cache: ChangeCache<T>,
  work: { key: string; compute: () => T },
): T {
  const sqlite = db.$client;
  let values = cache.byConnection.get(sqlite);
  if (values === undefined) {
    values = new Map();
    cache.byConnection.set(sqlite, values);
  }
  const at = versionOf(sqlite);
  const known = values.get(work.key);
  const value = known?.at === at ? known.value : work.compute();
  keepRecent(values, { key: work.key, value: { at, value }, limit: cache.limit });
  return value;
}
