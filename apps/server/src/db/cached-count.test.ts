import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { cachedCount, MAX_CACHED_COUNTS } from "./cached-count";
import { createDb, type Db } from "./client";
import { auditLog } from "./schema";

let folder: string;
let db: Db;
let other: Database.Database;
let counted: number;

// A count query over the audit log that says each time it really runs.
function auditCount(organisationId: string) {
  const query = db
    .select({ total: count() })
    .from(auditLog)
    .where(eq(auditLog.organisationId, organisationId));
  return {
    toSQL: () => query.toSQL(),
    get: () => {
      counted += 1;
      return query.get();
    },
  };
}

function insertOrganisation(sqlite: Database.Database, id: string): void {
  sqlite
    .prepare("insert into organisations (id, name, created_at) values (?, ?, ?)")
    .run(id, `Organisation ${id}`, "2022-04-05T09:00:00.000Z");
}

function audit(sqlite: Database.Database, organisationId: string): void {
  sqlite
    .prepare(
      "insert into audit_log (organisation_id, at, action, entity) values (?, '2022-04-05T09:00:00.000Z', 'create', 'staff')",
    )
    .run(organisationId);
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dapkit-count-"));
  db = createDb(join(folder, "dapkit.db"));
  other = new Database(join(folder, "dapkit.db"));
  insertOrganisation(db.$client, "a");
  insertOrganisation(db.$client, "b");
  counted = 0;
});

afterEach(() => {
  other.close();
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("a list's remembered count", () => {
  test("is counted once while nothing changes, and again after this connection writes", () => {
    audit(db.$client, "a");
    expect(cachedCount(db, auditCount("a"))).toBe(1);
    expect(cachedCount(db, auditCount("a"))).toBe(1);
    expect(counted).toBe(1);
    audit(db.$client, "a");
    expect(cachedCount(db, auditCount("a"))).toBe(2);
    expect(counted).toBe(2);
  });

  test("is counted again after another connection commits (the import worker, say)", () => {
    expect(cachedCount(db, auditCount("a"))).toBe(0);
    audit(other, "a");
    expect(cachedCount(db, auditCount("a"))).toBe(1);
    expect(counted).toBe(2);
  });

  test("is kept apart for different values, and the least recently used go past the limit", () => {
    audit(db.$client, "b");
    expect(cachedCount(db, auditCount("a"))).toBe(0);
    expect(cachedCount(db, auditCount("b"))).toBe(1);
    expect(counted).toBe(2);
    for (let n = 0; n < MAX_CACHED_COUNTS; n += 1) cachedCount(db, auditCount(`x${String(n)}`));
    counted = 0;
    expect(cachedCount(db, auditCount("a"))).toBe(0);
    expect(counted).toBe(1);
  });
});
