import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, expect, test } from "vitest";

import { MIGRATIONS_FOLDER } from "../paths";
import { createDb } from "./client";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The shipped migrations up to and including `last`, in a folder of their own. */
function migrationsUpTo(last: number): string {
  const folder = mkdtempSync(join(tmpdir(), "dapkit-migrations-"));
  dirs.push(folder);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

test("0008 keeps every user's password hash, their sessions and what names them", () => {
  const folder = mkdtempSync(join(tmpdir(), "dapkit-upgrade-"));
  dirs.push(folder);
  const path = join(folder, "dapkit.db");
  const old = new Database(path);
  old.pragma("foreign_keys = ON");
  migrate(drizzle(old), { migrationsFolder: migrationsUpTo(7) });
  const at = "2022-04-05T09:00:00.000Z";
  old.exec(`
    insert into organisations (id, name, created_at) values ('o1', 'Northshire', '${at}');
    insert into users (id, organisation_id, email, name, role, password_hash, active, created_at)
      values ('u1', 'o1', 'hr@northshire.example', 'Harper', 'hr', 'scrypt$hash', 1, '${at}');
    insert into sessions (id, user_id, organisation_id, created_at, expires_at)
      values ('s1', 'u1', 'o1', '${at}', '2022-04-05T21:00:00.000Z');
    insert into funding_plans
      (id, organisation_id, name, plan, variance_tables, created_at, updated_at, updated_by)
      values ('f1', 'o1', 'Plan', '{}', '[]', '${at}', '${at}', 'u1');
  `);
  old.close();

  const db = createDb(path);
  const sqlite = db.$client;
  expect(sqlite.prepare("select * from users").get()).toMatchObject({
    id: "u1",
    password_hash: "scrypt$hash",
    must_change_password: 0,
    last_sign_in_at: null,
    sso_subject: null,
  });
  expect(sqlite.prepare("select count(*) as n from sessions").get()).toEqual({ n: 1 });
  expect(sqlite.prepare("select updated_by from funding_plans").get()).toEqual({
    updated_by: "u1",
  });
  expect(sqlite.prepare("select * from organisations").get()).toMatchObject({
    attendance_target_percent: 80,
    password_sign_in_allowed: 1,
    separate_evidence_approval: 1,
    sso_create_unknown_users: 0,
    sso_allowed_domains: "[]",
  });
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  // A user may now have no password (invited, or single sign-on only).
  sqlite
    .prepare(
      "insert into users (id, organisation_id, email, name, role, created_at) values ('u2', 'o1', 'new@northshire.example', 'New', 'viewer', ?)",
    )
    .run(at);
  sqlite.close();
});
