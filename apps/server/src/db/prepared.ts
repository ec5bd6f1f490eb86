import type { Queryable } from "./client";

/**
 * A statement built by drizzle and compiled by SQLite once for each database or transaction handle
 * it is run on (drizzle's own `.prepare()`), then run with new values through `sql.placeholder`s.
 * Drizzle otherwise builds the SQL text and SQLite compiles it on every call, which costs more than
 * a one-row lookup or insert itself: this is for the session lookup and the dashboard's read
 * (prepared once on the database) and for the statements that imports and bulk actions run once
 * per row (prepared once per transaction). better-sqlite3 has one connection, so a statement
 * prepared on the database runs inside whatever transaction is open on it.
 */
export function preparedStatement<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const byHandle = new WeakMap<Queryable, T>();
  return (db) => {
    let prepared = byHandle.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      byHandle.set(db, prepared);
    }
    return prepared;
  };
}
