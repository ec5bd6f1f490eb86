import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * `column` contains `term` (case aside, for the letters A to Z, as SQLite's LIKE goes), with
 * LIKE's wildcards in the term taken as typed: a list's search box.
 */
export function containing(column: AnyColumn, term: string): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, "\\$&")}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}
