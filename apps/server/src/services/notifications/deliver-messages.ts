import { createHash } from "node:crypto";

import { and, asc, eq, lte } from "drizzle-orm";

import { NOT_SENT_REASONS } from "@dapkit/contract";

import type { Db } from "../../db/client";
import { messages } from "../../db/schema";
import { bodyToSend } from "./account-link-messages";
import { DeliveryError, type MailTransport } from "./mail-transport";
import { messageConfig } from "./message-config";
import { messageSettingsOf, organisationNameOf } from "./queue-message";

/** How often a message is tried and how long the waits between tries grow. */
export interface RetryPolicy {
  /** Tries in all before the message is marked failed. */
  maxAttempts: number;
  /** The wait after the first failure; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 30 seconds, a minute, 2, 4, 8, 16, 32 minutes, then an hour a time: a day in all. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 30,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
};

/** The wait before the next try after `attempts` failed ones. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * A message's Message-ID, made from its organisation and idempotency key: every try at one message
 * carries the same one, so if the process dies after the mail server accepted it but before it was
 * marked sent, the repeat is the same message to the receiving mail system, not a second one.
 */
export function messageIdOf(organisationId: string, idempotencyKey: string): string {
  const digest = createHash("sha256")
    .update(`${organisationId}\n${idempotencyKey}`)
    .digest("hex")
    .slice(0, 40);
  const host = new URL(messageConfig().publicUrl).hostname || "dapkit";
  return `<${digest}@${host}>`;
}

/** How many messages one pass sends at most; a full pass is followed by another at once. */
export const DELIVERY_BATCH = 25;

/** What one pass did. */
export interface DeliveryPass {
  sent: number;
  retrying: number;
  failed: number;
  notSent: number;
}

/**
 * Sends the messages that are due, oldest first, one at a time. Without a transport (no
 * DAPKIT_SMTP_URL) each is marked not sent, saying why, and kept. A failed try is tried again
 * after a growing wait; after the policy's last try the message is marked failed with the mail
 * server's reason. Each outcome is written before the next message is sent.
 */
export async function deliverDueMessages(
  db: Db,
  transport: MailTransport | null,
  options: { now: Date; policy?: RetryPolicy },
): Promise<DeliveryPass> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const pass: DeliveryPass = { sent: 0, retrying: 0, failed: 0, notSent: 0 };
  const due = db
    .select()
    .from(messages)
    .where(
      and(eq(messages.state, "queued"), lte(messages.nextAttemptAt, options.now.toISOString())),
    )
    .orderBy(asc(messages.nextAttemptAt), asc(messages.id))
    .limit(DELIVERY_BATCH)
    .all();
  for (const message of due) {
    const mark = (values: Partial<typeof messages.$inferInsert>) =>
      db.update(messages).set(values).where(eq(messages.id, message.id)).run();
    if (transport == null || message.recipientEmail == null) {
      mark({
        state: "not_sent",
        lastError:
          message.recipientEmail == null
            ? NOT_SENT_REASONS.noAddress
            : NOT_SENT_REASONS.noTransport,
      });
      pass.notSent += 1;
      continue;
    }
    const text = db.transaction((tx) => bodyToSend(tx, message, options.now));
    if (text == null) {
      mark({ state: "not_sent", lastError: NOT_SENT_REASONS.linkNotNeeded });
      pass.notSent += 1;
      continue;
    }
    const settings = messageSettingsOf(db, message.organisationId);
    const fromName = settings.senderName || organisationNameOf(db, message.organisationId);
    try {
      await transport.send({
        messageId: messageIdOf(message.organisationId, message.idempotencyKey),
        from: { name: fromName, address: messageConfig().fromAddress },
        replyTo: settings.replyTo === "" ? null : settings.replyTo,
        to: { name: message.recipientName, address: message.recipientEmail },
        subject: message.subject,
        text,
        calendar:
          message.ics == null
            ? null
            : {
                method: /^METHOD:(\w+)/m.exec(message.ics)?.[1] ?? "REQUEST",
                content: message.ics,
              },
      });
      mark({ state: "sent", attempts: message.attempts + 1, sentAt: new Date().toISOString() });
      pass.sent += 1;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      const attempts = message.attempts + 1;
      const last = attempts >= policy.maxAttempts;
      mark({
        state: last ? "failed" : "queued",
        attempts,
        lastError: error.message,
        nextAttemptAt: new Date(
          options.now.getTime() + retryDelayMs(policy, attempts),
        ).toISOString(),
      });
      if (last) pass.failed += 1;
      else pass.retrying += 1;
    }
  }
  return pass;
}
