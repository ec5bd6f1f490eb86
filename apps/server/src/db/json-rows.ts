import { sql, type SQL } from "drizzle-orm";

/**
 * The rows of a JSON array passed as the placeholder `name`, in the array's order, so that one
 * prepared statement writes a whole batch of rows. Written a statement per row, an import of
 * 100,000 rows paid SQLite's per-statement work 100,000 times, including (where triggers make an
 * insert write several tables) copying every page the row touched to a statement journal first.
 */
export function jsonRows(name: string): SQL {
  return sql`json_each(${sql.placeholder(name)})`;
}

/**
 * The field `name` (a name in the code, never input) of each row of `jsonRows`, as the column
 * `name`: text as text, numbers as numbers, true and false as 1 and 0 (as drizzle stores a
 * boolean) and null as NULL.
 */
export function rowField(name: string): SQL.Aliased {
  return sql.raw(`value ->> '${name}'`).as(name);
}

/** A value the same for every row of `jsonRows`, passed as the placeholder `name`. */
export function sharedField(name: string): SQL.Aliased {
  return sql`${sql.placeholder(name)}`.as(name);
}

// Batches of 10,000 rows cost no more than one of 100,000 (batches of 1,000 did), while the JSON
// of 100,000 rows in one statement took an import's peak memory from about 380 to 550 MB.
const ROWS_PER_STATEMENT = 10_000;

/** `rows` in order, cut into batches for one `jsonRows` statement each. */
export function jsonBatches<T>(rows: readonly T[]): (readonly T[])[] {
  const batches: (readonly T[])[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    batches.push(rows.slice(start, start + ROWS_PER_STATEMENT));
  }
  return batches;
}
