import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  is,
  lt,
  lte,
  or,
  sql,
  SQL,
  type AnyColumn,
  type BinaryOperator,
} from "drizzle-orm";

import type { PageRequest } from "@dapkit/contract";

import { AppError } from "../errors";

/** One page of a list, with the number of rows that match across every page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** Where the next page starts, to ask for it by key; null on the last page. */
  next: string | null;
  /** Where the previous page ends; null on the first page. */
  previous: string | null;
}

/** The LIMIT and OFFSET of a page found by counting. */
export function pageWindow(request: PageRequest): { limit: number; offset: number } {
  return { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
}

/** A value of a sort key: a row's text, time (as ISO text) or number. */
export type KeyValue = string | number;

/**
 * A list's order, which must end in a column that is unique (an id), so each row has its own
 * place: the columns in order, each ascending or descending, and how to read a row's key. A
 * column may be an expression (a column in another collation, say); the page's conditions compare
 * by the expression, so they follow the order exactly.
 */
export interface Keyset<Row> {
  columns: readonly { column: AnyColumn | SQL; descending?: boolean }[];
  keyOf: (row: Row) => readonly KeyValue[];
}

/** What one page asks of the list's query: its conditions by key, order, and window. */
export interface KeysetWindow {
  /** Rows after (or before) the position asked for; undefined for a page found by counting. */
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
  /** The key of the position asked for, if any. */
  key: readonly KeyValue[] | undefined;
  /** Whether the page is read backwards, from a row after it (the rows come back in reverse). */
  backward: boolean;
}

/** A list's select (its columns, tables and joins), which a page narrows, orders and windows. */
interface WindowableSelect<Row> {
  where(condition: SQL | undefined): {
    orderBy(...order: SQL[]): {
      limit(limit: number): { offset(offset: number): { all(): Row[] } };
    };
  };
}

/** The `fetch` of {@link keysetPage} for a list that is `select` narrowed by `where`. */
export function selectWindow<Row>(select: WindowableSelect<Row>, where: SQL | undefined) {
  return (window: KeysetWindow): Row[] =>
    select
      .where(and(where, window.where))
      .orderBy(...window.orderBy)
      .limit(window.limit)
      .offset(window.offset)
      .all();
}

function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeCursor(
  cursor: string,
  field: "after" | "before",
  length: number,
): readonly KeyValue[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === length &&
    key.every((value) => typeof value === "string" || typeof value === "number");
  if (!valid) {
    throw new AppError(
      "bad_request",
      "This link to a page of the list no longer works: go back to the first page",
      { field },
    );
  }
  return key as KeyValue[];
}

// Drizzle compares a column and an expression by separate overloads, so each is given its own.
function compared(
  operator: BinaryOperator,
  column: AnyColumn | SQL,
  value: KeyValue | undefined,
): SQL {
  return is(column, SQL) ? operator(column, value) : operator(column, value);
}

// Rows beyond `key` in the direction of travel: for columns (a desc, b asc) and key (x, y), going
// forward, `a <= x and (a < x or (a = x and b > y))`. SQLite's row values compare in one direction
// only. The first term says the same as the rest for the first column alone; it is there because
// SQLite cannot start an index search from an `or`, and without it reads the index from the top to
// the position, so a page would cost more the deeper it is.
function beyond<Row>(keyset: Keyset<Row>, key: readonly KeyValue[], forward: boolean): SQL {
  const conditions = keyset.columns.map(({ column, descending = false }, index) => {
    const value = key[index];
    const past = compared(descending === forward ? lt : gt, column, value);
    const equalBefore = keyset.columns
      .slice(0, index)
      .map((earlier, at) => compared(eq, earlier.column, key[at]));
    return and(...equalBefore, past);
  });
  const [first] = keyset.columns;
  const from =
    first === undefined
      ? undefined
      : compared((first.descending ?? false) === forward ? lte : gte, first.column, key[0]);
  // A keyset has at least one column, so `or` always has something to join.
  return and(from, or(...conditions)) ?? sql`0`;
}

/**
 * One page of a list ordered by `keyset`: found by key when the request gives a position (`after`
 * or `before`), else by counting (`page`). `fetch` runs the list's query with the window's
 * conditions, order and limits, and returns its rows; one row more than the page is asked for, to
 * learn whether there is a page beyond.
 */
export function keysetPage<Row>(
  request: PageRequest,
  keyset: Keyset<Row>,
  list: { total: number; fetch: (window: KeysetWindow) => Row[] },
): Page<Row> {
  const { key, backward } = positionOf(request, keyset.columns.length);
  const orderBy = keyset.columns.map(({ column, descending = false }) =>
    descending === backward ? asc(column) : desc(column),
  );
  const rows = list.fetch({
    where: key === undefined ? undefined : beyond(keyset, key, !backward),
    orderBy,
    limit: request.pageSize + 1,
    offset: key === undefined ? pageWindow(request).offset : 0,
    key,
    backward,
  });
  return pageOfWindow(request, { rows, keyOf: keyset.keyOf, total: list.total });
}

// The position a request asks for (decoded), and whether the page is read backwards from it.
function positionOf(
  request: PageRequest,
  length: number,
): { key: readonly KeyValue[] | undefined; backward: boolean } {
  if (request.after !== undefined && request.before !== undefined) {
    throw new AppError("bad_request", "Ask for the page after a row or before one, not both", {
      field: "before",
    });
  }
  const backward = request.before !== undefined;
  const cursor = request.after ?? request.before;
  const key =
    cursor === undefined ? undefined : decodeCursor(cursor, backward ? "before" : "after", length);
  return { key, backward };
}

// A page from the rows of its window: up to one more than the page, in the direction of travel
// (reversed when going back), the extra one telling whether there is a page beyond.
function pageOfWindow<Row>(
  request: PageRequest,
  window: { rows: Row[]; keyOf: (row: Row) => readonly KeyValue[]; total: number },
): Page<Row> {
  const { pageSize } = request;
  const backward = request.before !== undefined;
  const more = window.rows.length > pageSize;
  const items = window.rows.slice(0, pageSize);
  if (backward) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  // Going back from a page, there is always the page it came from; going forward, the row asked
  // to start after is on a page before this one.
  const hasNext = backward ? last !== undefined : more;
  const hasPrevious = backward ? more : request.after !== undefined || request.page > 1;
  return {
    items,
    total: window.total,
    page: request.page,
    pageSize,
    next: hasNext && last !== undefined ? encodeCursor(window.keyOf(last)) : null,
    previous: hasPrevious && first !== undefined ? encodeCursor(window.keyOf(first)) : null,
  };
}

/**
 * One page of a list already sorted in memory (one whose order SQLite cannot give, such as names
 * in the en-GB collation), with positions as {@link keysetPage} gives them: a page asked for
 * after or before a row starts from where that row is or would be, found by `compare` on keys,
 * so rows added or removed meanwhile neither repeat nor skip a row.
 */
export function sortedPage<Row>(
  request: PageRequest,
  rows: readonly Row[],
  order: {
    keyLength: number;
    keyOf: (row: Row) => readonly KeyValue[];
    compare: (a: readonly KeyValue[], b: readonly KeyValue[]) => number;
  },
): Page<Row> {
  const { key, backward } = positionOf(request, order.keyLength);
  const extent = request.pageSize + 1;
  let window: Row[];
  if (key === undefined) {
    const { offset } = pageWindow(request);
    window = rows.slice(offset, offset + extent);
  } else {
    // The first row at the position or past it (going forward, past it).
    const from = firstIndex(rows, (row) => {
      const side = order.compare(order.keyOf(row), key);
      return backward ? side >= 0 : side > 0;
    });
    window = backward
      ? rows.slice(Math.max(0, from - extent), from).reverse()
      : rows.slice(from, from + extent);
  }
  return pageOfWindow(request, { rows: window, keyOf: order.keyOf, total: rows.length });
}

// The index of the first row for which `reached` holds, in rows where it stays true once true.
function firstIndex<Row>(rows: readonly Row[], reached: (row: Row) => boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = rows[middle];
    if (row !== undefined && reached(row)) high = middle;
    else low = middle + 1;
  }
  return low;
}
