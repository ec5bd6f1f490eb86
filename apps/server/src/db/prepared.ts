import type { Queryable } from "./client";

// The better-sqlite3 connection a database handle runs on. Drizzle keeps it on the handle's
// session, which a transaction shares with its database.
function connectionOf(db: Queryable): object {
  return (db as unknown as { session: { client: object } }).session.client;
}

/**
 * A statement built by drizzle and compiled by SQLite once per connection, then run with new
 * values through `sql.placeholder`s. Drizzle otherwise builds the SQL text and SQLite compiles it
 * on every call, which costs several times more than a one-row insert itself: this is for the
 * statements that imports and bulk actions run once per row. A statement prepared on a database
 * runs inside whatever transaction is open on its connection.
 */
export function preparedStatement<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const byConnection = new WeakMap<object, T>();
  return (db) => {
    const connection = connectionOf(db);
    let prepared = byConnection.get(connection);
    if (prepared === undefined) {
      prepared = build(db);
      byConnection.set(connection, prepared);
    }
    return prepared;
  };
}
