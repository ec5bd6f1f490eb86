import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";

import { openApp } from "../../app";
import type { SessionUser } from "../../auth/session-user";
import { newId } from "../../db/ids";
import { organisations, users } from "../../db/schema";
import { createBookings, createSession, createStaff } from "../../test/builders";
import { newDataDir } from "../../test/data-dir";
import { runServer, type RunningServer } from "../../test/run-server";
import { startSmtpCatcher, type SmtpCatcher } from "../../test/smtp-catcher";

// The real server as a child process is killed with SIGKILL while it is sending: the mail server
// has read the first message but not yet accepted it, and two more wait behind it, all committed
// with the booking that caused them. Started again, it delivers each exactly once.

const DAY_MS = 24 * 60 * 60_000;
const dataDir = newDataDir("dapkit-mail-crash-");
let catcher: SmtpCatcher | undefined;
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop("SIGKILL");
  await catcher?.close();
});

/** An organisation whose HR user books one person (with a manager) onto a session next month. */
async function bookSomeone(): Promise<void> {
  const app = await openApp(dataDir);
  const now = new Date();
  const organisationId = newId();
  app.db
    .insert(organisations)
    .values({ id: organisationId, name: "Northshire", createdAt: now.toISOString() })
    .run();
  const user: SessionUser = {
    id: newId(),
    organisationId,
    email: "hr@northshire.example",
    name: "Northshire HR",
    role: "hr",
    staffId: null,
  };
  app.db
    .insert(users)
    .values({ ...user, passwordHash: "not used", createdAt: now.toISOString() })
    .run();
  const scope = { db: app.db, user, now };
  const manager = createStaff(scope, { name: "Morgan Manager", email: "morgan@test.example" });
  const person = createStaff(scope, {
    name: "Asha Patel",
    email: "asha@test.example",
    managerId: manager.id,
  });
  const startsAt = new Date(now.getTime() + 30 * DAY_MS);
  const session = createSession(scope, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 60 * 60_000).toISOString(),
  });
  createBookings(scope, { sessionId: session.id, staffIds: [person.id] });
  app.db.$client.close();
}

function messageStates(): string[] {
  const db = new Database(join(dataDir, "dapkit.db"), { readonly: true });
  try {
    return db
      .prepare("select state from messages order by created_at, id")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test("a server killed between the commit and the send delivers each message exactly once after restart", async () => {
  await bookSomeone();
  expect(messageStates()).toEqual(["queued", "queued", "queued"]);
  catcher = await startSmtpCatcher();
  catcher.holding = true;
  const env = {
    DAPKIT_DATA_DIR: dataDir,
    DAPKIT_DEMO: "off",
    DAPKIT_SMTP_URL: catcher.url,
    DAPKIT_MAIL_FROM: "training@northshire.example",
  };
  server = await runServer(env);
  const held = catcher;
  await until(() => held.held() >= 1, "the first message to reach the mail server");
  await server.stop("SIGKILL");
  // Nothing was accepted, so nothing may be marked sent.
  expect(catcher.received).toHaveLength(0);
  expect(messageStates()).toEqual(["queued", "queued", "queued"]);

  catcher.holding = false;
  server = await runServer(env);
  const received = await catcher.waitFor(3);
  await until(() => messageStates().every((state) => state === "sent"), "every message sent");
  // Two more delivery passes' worth of waiting: nothing is sent again.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(received).toHaveLength(3);
  expect(new Set(received.map((mail) => mail.messageId)).size).toBe(3);
  expect(
    received.map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")).sort(),
  ).toEqual([
    '"Asha Patel" <asha@test.example>',
    '"Asha Patel" <asha@test.example>',
    '"Morgan Manager" <morgan@test.example>',
  ]);
  expect(await server.stop("SIGTERM"), server.output()).toBe(0);
}, 90_000);
