import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { createDb } from "./client";
import { preparedStatement } from "./prepared";
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

  test("a prepared statement is compiled once per handle and returns fresh rows each run", () => {
    const db = createDb(":memory:");
    let builds = 0;
    const byId = preparedStatement((handle) => {
      builds += 1;
      return handle
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, sql.placeholder("id")))
        .prepare();
    });
    expect(byId(db).get({ id: "o1" })).toBeUndefined();
    db.insert(organisations)
      .values({ id: "o1", name: "Org", createdAt: "2022-01-01T00:00:00Z" })
      .run();
    expect(byId(db).get({ id: "o1" })).toEqual({ id: "o1", name: "Org" });
    expect(builds).toBe(1);
    // Another database gets its own statement, reading its own rows.
    expect(byId(createDb(":memory:")).get({ id: "o1" })).toBeUndefined();
    expect(builds).toBe(2);
  });

  test("a statement prepared on the database writes inside the open transaction and rolls back with it", () => {
    const db = createDb(":memory:");
    const insert = preparedStatement((handle) =>
      handle
        .insert(organisations)
        .values({ id: sql.placeholder("id"), name: "Org", createdAt: "2022-01-01T00:00:00Z" })
        .prepare(),
    );
    insert(db).run({ id: "o1" });
    expect(() =>
      db.transaction(() => {
        insert(db).run({ id: "o2" });
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    db.transaction((tx) => {
      insert(tx).run({ id: "o3" });
    });
    expect(db.select({ id: organisations.id }).from(organisations).all()).toEqual([
      { id: "o1" },
      { id: "o3" },
    ]);
  });
});
