import type { Db } from "./client";
import { changeCache, untilChanged } from "./until-changed";

/** How many counts a connection remembers: a page's filters for many people, with room over. */
export const MAX_CACHED_COUNTS = 1_000;

const counts = changeCache<number>(MAX_CACHED_COUNTS);

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
  const { sql, params } = query.toSQL();
  return untilChanged(db, counts, {
    key: JSON.stringify([sql, params]),
    compute: () => query.get()?.total ?? 0,
  });
}
