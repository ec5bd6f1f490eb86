import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { createDb } from "./client";
import { auditLog, organisations } from "./schema";

describe("createDb", () => {
  test("applies the committed migrations with foreign keys on", () => {
    const db = createDb(":memory:");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db
      .all<{ name: string }>(sql`select name from sqlite_master where type = 'table' order by name`)
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining(["audit_log", "nominations", "nomination_events", "staff", "users"]),
    );
  });

  test("the audit log refuses UPDATE and DELETE", () => {
    const db = createDb(":memory:");
    db.insert(organisations)
      .values({ id: "o1", name: "Org", createdAt: "2022-01-01T00:00:00Z" })
      .run();
    db.insert(auditLog)
      .values({
        organisationId: "o1",
        action: "create",
        entity: "organisation",
        at: "2022-01-01T00:00:00Z",
      })
      .run();
    expect(() => db.update(auditLog).set({ action: "forged" }).run()).toThrow(
      "audit_log is append-only: UPDATE is not allowed",
    );
    expect(() => db.delete(auditLog).run()).toThrow(
      "audit_log is append-only: DELETE is not allowed",
    );
    expect(db.select().from(auditLog).all()).toHaveLength(1);
  });

  test("rejects a row that points at a missing organisation", () => {
    const db = createDb(":memory:");
    expect(() =>
      db.insert(auditLog).values({ action: "x", entity: "y", at: "now" }).run(),
    ).not.toThrow();
    const insert = () =>
      db.run(
        sql`insert into departments (id, organisation_id, name, created_at) values ('d', 'nope', 'D', 'now')`,
      );
    expect(insert).toThrow(
      expect.objectContaining({
        cause: expect.objectContaining({ code: "SQLITE_CONSTRAINT_FOREIGNKEY" }) as unknown,
      }),
    );
  });

  test("reuses compiled statements, returning rows as objects or arrays as each query asks", () => {
    const db = createDb(":memory:");
    db.insert(organisations)
      .values({ id: "o1", name: "Org", createdAt: "2022-01-01T00:00:00Z" })
      .run();
    const query = sql`select id, name from organisations`;
    // Drizzle reads selected columns as raw arrays; a plain query then wants objects again.
    expect(
      db.select({ id: organisations.id, name: organisations.name }).from(organisations).all(),
    ).toEqual([{ id: "o1", name: "Org" }]);
    expect(db.all(query)).toEqual([{ id: "o1", name: "Org" }]);
    expect(db.values(query)).toEqual([["o1", "Org"]]);
    expect(db.all(query)).toEqual([{ id: "o1", name: "Org" }]);
    expect(db.$client.prepare("select 1 as one")).toBe(db.$client.prepare("select 1 as one"));
  });

  test("a reused statement writes inside the open transaction and rolls back with it", () => {
    const db = createDb(":memory:");
    const insert = (id: string) =>
      db.insert(organisations).values({ id, name: id, createdAt: "2022-01-01T00:00:00Z" }).run();
    insert("o1");
    expect(() =>
      db.transaction((tx) => {
        tx.insert(organisations).values({ id: "o2", name: "o2", createdAt: "2022-01-01" }).run();
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(db.select({ id: organisations.id }).from(organisations).all()).toEqual([{ id: "o1" }]);
  });
});
