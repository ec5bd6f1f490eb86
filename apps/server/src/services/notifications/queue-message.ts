import { and, eq, max } from "drizzle-orm";

import { DEFAULT_REMINDER_DAYS, NOT_SENT_REASONS, type MessageKind } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { messages, messageSettings, organisations } from "../../db/schema";

/** An organisation's message settings, or the defaults when it has never changed them. */
export interface MessageSettings {
  disabledKinds: string[];
  reminderDays: number[];
  senderName: string;
  replyTo: string;
}

/** Reads an organisation's message settings (the defaults if it has none stored). */
export function messageSettingsOf(db: Queryable, organisationId: string): MessageSettings {
  const row = db
    .select()
    .from(messageSettings)
    .where(eq(messageSettings.organisationId, organisationId))
    .get();
  return {
    disabledKinds: row?.disabledKinds ?? [],
    reminderDays: row?.reminderDays ?? [...DEFAULT_REMINDER_DAYS],
    senderName: row?.senderName ?? "",
    replyTo: row?.replyTo ?? "",
  };
}

/** Whether the organisation sends messages of `kind` (every kind is on until turned off). */
export function sendsKind(settings: MessageSettings, kind: MessageKind): boolean {
  return !settings.disabledKinds.includes(kind);
}

/** The organisation's name, which signs its messages. */
export function organisationNameOf(db: Queryable, organisationId: string): string {
  return (
    db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .get()?.name ?? ""
  );
}

/** One message to write to the outbox. */
export interface NewMessage {
  kind: MessageKind;
  /** Unique per organisation: a second message with the same key is not written. */
  key: string;
  recipient: { name: string; email: string | null; staffId?: string; userId?: string };
  about: { sessionId?: string; nominationId?: string; staffId?: string };
  subject: string;
  bodyText: string;
  calendar?: { ics: string; uid: string; sequence: number };
  requestedBy?: string;
}

/**
 * Writes a message to the outbox in the caller's transaction, so it exists exactly when the change
 * that causes it does. Unless the organisation has turned its kind off: then nothing is written.
 * A person with no email address gets the message kept as not sent, so the lists show the gap.
 * Returns whether a message was written (false for a kind turned off or a key already used).
 */
export function queueMessage(
  tx: Queryable,
  target: { organisationId: string; now: Date; settings: MessageSettings },
  message: NewMessage,
): boolean {
  if (!sendsKind(target.settings, message.kind)) return false;
  const email = message.recipient.email?.trim() ?? "";
  const at = target.now.toISOString();
  const result = tx
    .insert(messages)
    .values({
      id: newId(),
      organisationId: target.organisationId,
      kind: message.kind,
      recipientEmail: email === "" ? null : email,
      recipientName: message.recipient.name,
      recipientStaffId: message.recipient.staffId ?? null,
      recipientUserId: message.recipient.userId ?? null,
      subject: message.subject,
      bodyText: message.bodyText,
      ics: message.calendar?.ics ?? null,
      calendarUid: message.calendar?.uid ?? null,
      calendarSequence: message.calendar?.sequence ?? null,
      sessionId: message.about.sessionId ?? null,
      nominationId: message.about.nominationId ?? null,
      staffId: message.about.staffId ?? null,
      idempotencyKey: message.key,
      state: email === "" ? "not_sent" : "queued",
      lastError: email === "" ? NOT_SENT_REASONS.noAddress : null,
      nextAttemptAt: at,
      createdAt: at,
      requestedBy: message.requestedBy ?? null,
    })
    .onConflictDoNothing({ target: [messages.organisationId, messages.idempotencyKey] })
    .run();
  return result.changes > 0;
}

/**
 * The SEQUENCE a booking's next calendar message takes: one more than the last one sent for it,
 * so every update and the cancellation supersede what the calendar holds.
 */
export function nextCalendarSequence(
  tx: Queryable,
  organisationId: string,
  nominationId: string,
): number {
  const row = tx
    .select({ last: max(messages.calendarSequence) })
    .from(messages)
    .where(
      and(eq(messages.organisationId, organisationId), eq(messages.nominationId, nominationId)),
    )
    .get();
  return row?.last == null ? 0 : row.last + 1;
}

/** Whether a booking has had a calendar invitation, so a cancellation has an entry to remove. */
export function hadInvitation(
  tx: Queryable,
  organisationId: string,
  nominationId: string,
): boolean {
  return nextCalendarSequence(tx, organisationId, nominationId) > 0;
}
