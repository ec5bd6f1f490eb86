import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";

import { cacheStatements, STATEMENT_CACHE_SIZE } from "./statement-cache";

function connection() {
  const sqlite = new Database(":memory:");
  cacheStatements(sqlite);
  sqlite.exec("create table t (a integer, b text); insert into t values (1, 'x'), (2, 'y')");
  return sqlite;
}

describe("the statement cache", () => {
  test("compiles a text once and hands the same statement back", () => {
    const sqlite = connection();
    const first = sqlite.prepare("select a, b from t order by a");
    expect(sqlite.prepare("select a, b from t order by a")).toBe(first);
    expect(sqlite.prepare("select a from t order by a")).not.toBe(first);
  });

  test("a statement comes back returning objects, whatever mode its last user left it in", () => {
    const sqlite = connection();
    const text = "select a, b from t order by a";
    expect(sqlite.prepare(text).raw().all()).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    expect(sqlite.prepare(text).all()).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
    expect(sqlite.prepare(text).pluck().get()).toBe(1);
    expect(sqlite.prepare(text).get()).toEqual({ a: 1, b: "x" });
    // Statements that return no rows have no modes to reset.
    expect(sqlite.prepare("update t set b = b").run().changes).toBe(2);
    expect(sqlite.prepare("update t set b = b").run().changes).toBe(2);
  });

  test("keeps the most recently used statements and drops the oldest past its size", () => {
    const sqlite = connection();
    const kept = sqlite.prepare("select 0 as n");
    const dropped = sqlite.prepare("select 1 as n");
    for (let n = 2; n <= STATEMENT_CACHE_SIZE; n += 1) {
      sqlite.prepare(`select ${String(n)} as n`);
      // Used all along, so never the oldest.
      if (n % 100 === 0) expect(sqlite.prepare("select 0 as n")).toBe(kept);
    }
    expect(sqlite.prepare("select 0 as n")).toBe(kept);
    expect(sqlite.prepare("select 1 as n")).not.toBe(dropped);
    expect(sqlite.prepare("select 1 as n").get()).toEqual({ n: 1 });
  });
});
