import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { hashPassword } from "../auth/passwords";
import type { SessionUser } from "../auth/session-user";
import { ADDRESS_POLICY, EMAIL_POLICY, SignInLimiter } from "../auth/sign-in-limiter";
import { createContextInner, type AppDeps, type CookieJar } from "../context";
import { createDb, type Db } from "../db/client";
import { newId } from "../db/ids";
import { organisations, USER_ROLES, users, type UserRole } from "../db/schema";
import { FileStore } from "../files/file-store";
import { createCaller } from "../router";
import { startImportRunner } from "../services/imports/import-runner";

/** The password every test user has. */
export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;

/** An organisation with one signed-in user per role. */
export interface TestOrganisation {
  id: string;
  users: Record<UserRole, SessionUser>;
}

/** A tracker on a fresh in-memory database with the real migrations, and a clock tests control. */
export interface TestApp {
  db: Db;
  deps: AppDeps;
  clock: { now: Date };
  /** Calls procedures as `user` (or signed out), with cookies captured in `cookies`. */
  caller(
    user: SessionUser | null,
    options?: { cookies?: CookieJar; ip?: string },
  ): ReturnType<typeof createCaller>;
  /** Creates an organisation with a user for every role. */
  createOrganisation(name: string): Promise<TestOrganisation>;
}

/**
 * Builds a tracker for one test: on an in-memory database, or, given `dbPath`, on that file with
 * imports run on the import worker as the server runs them (close `deps.imports` afterwards).
 */
export function createTestApp(options: { dbPath?: string } = {}): TestApp {
  const db = createDb(options.dbPath ?? ":memory:");
  const clock = { now: new Date("2022-04-05T09:00:00.000Z") };
  const deps: AppDeps = {
    db,
    files: new FileStore(join(mkdtempSync(join(tmpdir(), "dapkit-test-")), "files")),
    now: () => clock.now,
    limiters: {
      email: new SignInLimiter(EMAIL_POLICY),
      address: new SignInLimiter(ADDRESS_POLICY),
    },
    ...(options.dbPath === undefined ? {} : { imports: startImportRunner(options.dbPath) }),
  };
  return {
    db,
    deps,
    clock,
    caller(user, options = {}) {
      return createCaller(
        createContextInner(deps, {
          session: user == null ? null : { id: `test-session-${user.id}`, user },
          ...(options.cookies === undefined ? {} : { cookies: options.cookies }),
          request: { ip: options.ip ?? "127.0.0.1" },
        }),
      );
    },
    async createOrganisation(name) {
      testPasswordHash ??= hashPassword(TEST_PASSWORD);
      const passwordHash = await testPasswordHash;
      const id = newId();
      const createdAt = clock.now.toISOString();
      db.insert(organisations).values({ id, name, createdAt }).run();
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      const entries = USER_ROLES.map((role) => {
        const user: SessionUser = {
          id: newId(),
          organisationId: id,
          email: `${role.replace("_", "-")}@${slug}.example`,
          name: `${name} ${role}`,
          role,
          staffId: null,
          agencyId: null,
        };
        db.insert(users)
          .values({ ...user, passwordHash, createdAt })
          .run();
        return [role, user] as const;
      });
      return { id, users: Object.fromEntries(entries) as Record<UserRole, SessionUser> };
    },
  };
}

/** A cookie jar that remembers what the server set. */
export function recordingCookies(): CookieJar & {
  values: Map<string, { value: string; maxAgeSeconds: number }>;
} {
  const values = new Map<string, { value: string; maxAgeSeconds: number }>();
  return {
    values,
    set(name, value, options) {
      values.set(name, { value, maxAgeSeconds: options.maxAgeSeconds });
    },
  };
}
