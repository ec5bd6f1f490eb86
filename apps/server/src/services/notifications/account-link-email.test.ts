import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { eq } from "drizzle-orm";

import { MESSAGE_KIND_CODES, NOT_SENT_REASONS } from "@dapkit/contract";

import { messages, users } from "../../db/schema";
import { startSmtpCatcher, type SmtpCatcher } from "../../test/smtp-catcher";
import { createTestApp, type TestApp, type TestOrganisation } from "../../test/test-app";
import { ACCOUNT_LINK_PLACEHOLDER } from "./account-link-messages";
import { deliverDueMessages } from "./deliver-messages";
import { smtpTransport, type MailTransport } from "./mail-transport";
import { configureMessages, DEFAULT_MESSAGE_CONFIG } from "./message-config";

// Invitation and password-reset links by email, through a real SMTP server on a loopback port.
// The link is made as the message is sent, so the outbox never holds a usable token.

let app: TestApp;
let org: TestOrganisation;
let catcher: SmtpCatcher;
let transport: MailTransport;

function configure(deliveryConfigured: boolean) {
  configureMessages({
    publicUrl: "https://dapkit.test.example",
    fromAddress: "accounts@test.example",
    deliveryConfigured,
  });
}

beforeEach(async () => {
  configure(true);
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  catcher = await startSmtpCatcher();
  transport = smtpTransport(catcher.url);
});

afterEach(async () => {
  transport.close();
  await catcher.close();
  configureMessages(DEFAULT_MESSAGE_CONFIG);
});

const admin = () => app.caller(org.users.admin);
const deliver = () => deliverDueMessages(app.db, transport, { now: app.clock.now });
const userCount = () => app.db.select({ id: users.id }).from(users).all().length;

/** The set-password token in a received email's text. */
function tokenIn(text: string | undefined): string {
  const match = /https:\/\/dapkit\.test\.example\/set-password#token=([\w-]+)/.exec(text ?? "");
  if (match?.[1] === undefined) throw new Error("No set-password link in the message");
  return match[1];
}

describe("account links by email", () => {
  test("an invitation is emailed with a working link that the outbox never held", async () => {
    const outcome = await admin().users.invite({
      email: "casey@northshire.example",
      name: "Casey Example",
      role: "hr",
      sendBy: "email",
    });
    expect(outcome).toMatchObject({ link: null, emailedTo: "casey@northshire.example" });
    const [queued] = app.db.select().from(messages).all();
    expect(queued).toMatchObject({ kind: "account_invitation", state: "queued" });
    expect(queued?.bodyText).toContain(ACCOUNT_LINK_PLACEHOLDER);

    expect(await deliver()).toMatchObject({ sent: 1 });
    const [mail] = await catcher.waitFor(1);
    expect(JSON.stringify(mail?.to)).toContain("casey@northshire.example");
    expect(mail?.subject).toBe("Your Northshire training tracker account");
    const token = tokenIn(mail?.text);
    expect(await app.caller(null).auth.accountLink({ token })).toMatchObject({
      email: "casey@northshire.example",
      purpose: "invite",
    });
    const [stored] = app.db.select().from(messages).all();
    expect(stored?.state).toBe("sent");
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  test("a password reset is emailed, and its link is for a reset", async () => {
    const viewer = org.users.viewer;
    const outcome = await admin().users.resetPassword({ id: viewer.id, sendBy: "email" });
    expect(outcome).toMatchObject({ link: null, emailedTo: viewer.email });
    await deliver();
    const [mail] = await catcher.waitFor(1);
    expect(mail?.subject).toBe("Choose a new password for the training tracker");
    const link = await app.caller(null).auth.accountLink({ token: tokenIn(mail?.text) });
    expect(link).toMatchObject({ email: viewer.email, purpose: "reset" });
  });

  test("without a mail server the choice to email is refused and nobody is added", async () => {
    configure(false);
    await expect(
      admin().users.resetPassword({ id: org.users.viewer.id, sendBy: "email" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "sendBy" } });
    const before = userCount();
    await expect(
      admin().users.invite({
        email: "dana@northshire.example",
        name: "Dana",
        role: "viewer",
        sendBy: "email",
      }),
    ).rejects.toThrow(/No mail server is set up/);
    expect(userCount()).toBe(before);
    expect(app.db.select().from(messages).all()).toEqual([]);
  });

  test("with invitations turned off the choice to email is refused and nothing changes", async () => {
    await admin().messages.settings.update({
      enabledKinds: MESSAGE_KIND_CODES.filter((kind) => kind !== "password_reset"),
    });
    const viewer = org.users.viewer;
    await expect(
      admin().users.resetPassword({ id: viewer.id, sendBy: "email" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "sendBy" } });
    const row = app.db.select().from(users).where(eq(users.id, viewer.id)).get();
    expect(row?.mustChangePassword).toBe(false);
  });

  test("an invitation no longer needed when its turn comes is kept unsent, with no link made", async () => {
    const { user } = await admin().users.invite({
      email: "erin@northshire.example",
      name: "Erin",
      role: "viewer",
      sendBy: "email",
    });
    await admin().users.update({ id: user.id, data: { active: false } });
    expect(await deliver()).toMatchObject({ sent: 0, notSent: 1 });
    const [stored] = app.db.select().from(messages).all();
    expect(stored).toMatchObject({ state: "not_sent", lastError: NOT_SENT_REASONS.linkNotNeeded });
    expect(catcher.received).toEqual([]);
  });

  test("by default the link is shown to the administrator and nothing is emailed", async () => {
    const outcome = await admin().users.invite({
      email: "fran@northshire.example",
      name: "Fran",
      role: "viewer",
    });
    expect(outcome.emailedTo).toBeNull();
    expect(outcome.link?.url).toMatch(/#token=/);
    expect(app.db.select().from(messages).all()).toEqual([]);
  });
});
