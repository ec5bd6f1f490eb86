import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, expect, test } from "vitest";

import { createDb, type Db } from "./client";
import { changeCache, untilChanged } from "./until-changed";

let folder: string;
let db: Db;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dapkit-until-changed-"));
  db = createDb(join(folder, "dapkit.db"));
  db.$client.exec("create table scratch (n integer)");
});

afterEach(() => {
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

test("each cache keeps its own values and its own limit, the least recently used going first", () => {
  const small = changeCache<string>(2);
  const other = changeCache<string>(2);
  const worked: string[] = [];
  const value = (cache: typeof small, key: string) =>
    untilChanged(db, cache, {
      key,
      compute: () => {
        worked.push(key);
        return `${key}!`;
      },
    });
  expect([value(small, "a"), value(small, "b"), value(other, "a")]).toEqual(["a!", "b!", "a!"]);
  // "a" is used again, so "b" is the least recently used when "c" arrives.
  expect([value(small, "a"), value(small, "c"), value(small, "a")]).toEqual(["a!", "c!", "a!"]);
  expect(worked).toEqual(["a", "b", "a", "c"]);
  value(small, "b");
  expect(worked.at(-1)).toBe("b");
  // After a write, what is asked for is worked out again.
  db.$client.exec("insert into scratch values (1)");
  value(other, "a");
  expect(worked.at(-1)).toBe("a");
});
