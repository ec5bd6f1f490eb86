import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { inArray } from "drizzle-orm";
import { afterEach, beforeEach, expect, test } from "vitest";

import { createDb, type Db } from "./client";
import { inIds } from "./id-list";
import { organisations } from "./schema";

let folder: string;
let db: Db;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dapkit-id-list-"));
  db = createDb(join(folder, "dapkit.db"));
  const insert = db.$client.prepare(
    "insert into organisations (id, name, created_at) values (?, ?, '2022-04-05T09:00:00.000Z')",
  );
  for (const id of ["a", "b", "c"]) insert.run(id, `Organisation ${id}`);
});

afterEach(() => {
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

const names = (where: ReturnType<typeof inIds>) =>
  db
    .select({ id: organisations.id })
    .from(organisations)
    .where(where)
    .all()
    .map((row) => row.id)
    .sort();

test("finds the rows among any number of ids, where one parameter per id is refused", () => {
  const many = Array.from({ length: 40_000 }, (_, n) => `missing-${String(n)}`);
  many.push("c", "a");
  expect(names(inIds(organisations.id, many))).toEqual(["a", "c"]);
  expect(() => names(inArray(organisations.id, many))).toThrow(/too many SQL variables/);
  expect(names(inIds(organisations.id, []))).toEqual([]);
  // Ids are values, never SQL.
  expect(names(inIds(organisations.id, ["a') or 1=1 --", 'b"]']))).toEqual([]);
});
