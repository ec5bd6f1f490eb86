import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
import { procedureTypes } from "./http-calls";
import { PROCEDURE_INPUTS } from "./procedure-inputs";
import { createSecurityWorld, type SecurityWorld } from "./security-world";

// History is append-only: the audit log and the histories of nominations, evidence and
// recommendations. No procedure may change a row already written, and the database itself refuses
// UPDATE, DELETE and the REPLACE and UPSERT forms that would overwrite one.

const APPEND_ONLY = [
  "audit_log",
  "nomination_events",
  "evidence_events",
  "evidence_revisions",
  "recommendation_updates",
];

let world: SecurityWorld;

beforeAll(async () => {
  world = await createSecurityWorld();
});

function rowsOf(table: string): Record<string, unknown>[] {
  return world.app.db.all(sql`select * from ${sql.identifier(table)} order by rowid`);
}

describe("append-only history", () => {
  test("no procedure changes or removes an audit entry, whatever every role does", async () => {
    const before = world.app.db.select().from(auditLog).all();
    expect(before.length).toBeGreaterThan(10);
    for (const role of ["admin", "hr", "accreditation_lead", "manager"] as const) {
      const caller = world.app.caller(world.a.users[role]) as unknown as Record<
        string,
        Record<string, (input: unknown) => Promise<unknown>>
      >;
      for (const path of procedureTypes().keys()) {
        const [router = "", name = ""] = path.split(".");
        await caller[router]?.[name]?.(PROCEDURE_INPUTS[path]?.(world.a)).catch(() => undefined);
      }
    }
    const after = world.app.db.select().from(auditLog).all();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.slice(0, before.length)).toEqual(before);
    // The API offers no way to write to the log except by doing what it records: it only reads.
    const auditProcedures = [...procedureTypes()].filter(([path]) => path.startsWith("audit."));
    expect(auditProcedures).toEqual([
      ["audit.list", "query"],
      ["audit.facets", "query"],
    ]);
  });

  test.each(APPEND_ONLY)("%s refuses UPDATE, DELETE, REPLACE and UPSERT", (table) => {
    const sqlite = world.app.db.$client;
    const before = rowsOf(table);
    const id = before[0]?.id;
    expect(id, table).toBeDefined();
    const attempts = {
      update: `update "${table}" set id = id where id = ?`,
      delete: `delete from "${table}" where id = ?`,
      // REPLACE removes the old row without firing delete triggers (recursive_triggers is off).
      replace: `insert or replace into "${table}" select * from "${table}" where id = ?`,
      upsert: `insert into "${table}" select * from "${table}" where id = ? on conflict do update set id = excluded.id`,
    };
    for (const [kind, statement] of Object.entries(attempts)) {
      expect(() => sqlite.prepare(statement).run(id), `${table} ${kind}`).toThrow(/append-only/);
    }
    expect(rowsOf(table)).toEqual(before);
  });
});
