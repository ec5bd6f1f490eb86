import { and, desc, eq, sql } from "drizzle-orm";
import type * as z from "zod";

import type { MessageItemSchema, MessageKind } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { messages, staff, trainingSessions } from "../../db/schema";
import { found } from "../../errors";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { messageConfig } from "./message-config";

type MessageItem = z.infer<typeof MessageItemSchema>;

const LIST_LIMIT = 200;

function toItem(row: typeof messages.$inferSelect): MessageItem {
  return {
    id: row.id,
    kind: row.kind as MessageKind,
    recipientName: row.recipientName,
    recipientEmail: row.recipientEmail,
    subject: row.subject,
    bodyText: row.bodyText,
    hasCalendar: row.ics != null,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    resentBy: row.requestedBy,
  };
}

/** A session's or a person's messages, newest first: what was sent, when, to whom, and how it went. */
export function listMessages(
  scope: Scope,
  input: { sessionId?: string | undefined; staffId?: string | undefined },
): { items: MessageItem[]; deliveryConfigured: boolean } {
  const organisationId = scope.user.organisationId;
  let about;
  if (input.sessionId === undefined) {
    const staffId = input.staffId ?? "";
    found(
      scope.db
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.organisationId, organisationId), eq(staff.id, staffId)))
        .get(),
      "Staff member",
    );
    about = eq(messages.staffId, staffId);
  } else {
    found(
      scope.db
        .select({ id: trainingSessions.id })
        .from(trainingSessions)
        .where(
          and(
            eq(trainingSessions.organisationId, organisationId),
            eq(trainingSessions.id, input.sessionId),
          ),
        )
        .get(),
      "Training session",
    );
    about = eq(messages.sessionId, input.sessionId);
  }
  const rows = scope.db
    .select()
    .from(messages)
    .where(and(eq(messages.organisationId, organisationId), about))
    // Messages written in one request share their time, and ids made in the same millisecond are
    // in no particular order: the rowid, which follows the writes, puts the later one first.
    .orderBy(desc(messages.createdAt), desc(sql`${messages}.rowid`))
    .limit(LIST_LIMIT)
    .all();
  return { items: rows.map(toItem), deliveryConfigured: messageConfig().deliveryConfigured };
}

function messageOf(db: Queryable, scope: Scope, id: string) {
  return found(
    db
      .select()
      .from(messages)
      .where(and(eq(messages.organisationId, scope.user.organisationId), eq(messages.id, id)))
      .get(),
    "Message",
  );
}

/**
 * Sends a message again to the same address, as a new message with its own key (so the original's
 * record stays as it was), and audits who asked. Its words and calendar attachment are the
 * original's: a calendar treats the repeat as the same invitation.
 */
export function resendMessage(scope: Scope, input: { id: string }): MessageItem {
  return scope.db.transaction((tx) => {
    const original = messageOf(tx, scope, input.id);
    const id = newId();
    const at = scope.now.toISOString();
    const unsendable = original.recipientEmail == null;
    tx.insert(messages)
      .values({
        ...original,
        id,
        idempotencyKey: `resend:${original.id}:${id}`,
        state: unsendable ? "not_sent" : "queued",
        attempts: 0,
        nextAttemptAt: at,
        lastError: unsendable ? original.lastError : null,
        sentAt: null,
        createdAt: at,
        requestedBy: scope.user.name,
      })
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "resend",
      entity: "message",
      entityId: id,
      after: { resendOf: original.id, kind: original.kind, to: original.recipientName },
    });
    return toItem(messageOf(tx, scope, id));
  });
}
