import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * `column IN (ids)` for any number of ids, sent as one JSON array. Drizzle's `inArray` binds each
 * id as a parameter of its own, and SQLite refuses a statement of more than 32,766: a large
 * council's whole staff (everyone with a refresher due, say) is more than that.
 */
export function inIds(column: AnyColumn, ids: readonly string[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}
