import * as z from "zod";

import { IdSchema } from "@dapkit/schemas";

import { mutation, query } from "./define-procedure";
import { MESSAGE_KIND_CODES, MESSAGE_STATES, type MessageKind } from "./message-words";

const MAX_REMINDER_DAYS = 5;

/** A kind of message, by its code. */
export const MessageKindSchema = z.enum(MESSAGE_KIND_CODES as [MessageKind, ...MessageKind[]], {
  error: `must be one of ${MESSAGE_KIND_CODES.join(", ")}`,
});

/** An organisation's message settings. */
export const MessageSettingsSchema = z.object({
  /** The kinds of message sent; the rest are not written at all. */
  enabledKinds: z.array(MessageKindSchema),
  /** Days before a session that reminders go, largest first. */
  reminderDays: z.array(z.int()),
  /** The name messages come from; empty for the organisation's name. */
  senderName: z.string(),
  /** Where replies go; empty for the sending address. */
  replyTo: z.string(),
});

/** The message settings to change; those left out keep their values. */
export const UpdateMessageSettingsInputSchema = z.object({
  enabledKinds: z
    .array(MessageKindSchema)
    .max(MESSAGE_KIND_CODES.length, `must list at most ${MESSAGE_KIND_CODES.length} kinds`)
    .optional(),
  reminderDays: z
    .array(
      z
        .int({ error: "must be a whole number of days" })
        .min(1, "must be at least 1 day")
        .max(60, "must be at most 60 days"),
    )
    .max(MAX_REMINDER_DAYS, `must be at most ${MAX_REMINDER_DAYS} reminders`)
    .refine((days) => new Set(days).size === days.length, { error: "must not repeat a day" })
    .optional(),
  senderName: z.string().trim().max(100, "must be at most 100 characters").optional(),
  replyTo: z.union([z.literal(""), z.email({ error: "must be an email address" })]).optional(),
});

/** One kind's message as it would read, with sample data. */
export const MessagePreviewSchema = z.object({
  kind: MessageKindSchema,
  subject: z.string(),
  bodyText: z.string(),
  /** The calendar method its attachment carries (REQUEST or CANCEL), or null for none. */
  calendarMethod: z.string().nullable(),
});

/** One message as the session's and person's message lists show it. */
export const MessageItemSchema = z.object({
  id: IdSchema,
  kind: MessageKindSchema,
  recipientName: z.string(),
  /** Null when the person has no email address (the message is kept, not sent). */
  recipientEmail: z.string().nullable(),
  subject: z.string(),
  bodyText: z.string(),
  hasCalendar: z.boolean(),
  state: z.enum(MESSAGE_STATES),
  attempts: z.int(),
  /** Why the last try failed or why it was not sent, in the mail server's terms. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** Set on a message that is a resend, to the user who asked for it. */
  resentBy: z.string().nullable(),
});

/** Whose messages to list: one session's, or one person's (at most one of the two). */
export const ListMessagesInputSchema = z
  .object({ sessionId: IdSchema.optional(), staffId: IdSchema.optional() })
  .refine((input) => (input.sessionId === undefined) !== (input.staffId === undefined), {
    error: "give a sessionId or a staffId",
    path: ["sessionId"],
  });

/** The messages the service sends: settings, previews, each session's and person's list. */
export const messages = {
  settings: {
    get: query({ access: "administer", output: MessageSettingsSchema }),
    update: mutation({
      access: "administer",
      input: UpdateMessageSettingsInputSchema,
      output: MessageSettingsSchema,
    }),
  },
  /** Every kind's message with sample data and the organisation's settings. */
  previews: query({ access: "administer", output: z.array(MessagePreviewSchema) }),
  /** A session's or a person's messages, newest first (at most the latest 200). */
  list: query({
    access: "manageTraining",
    input: ListMessagesInputSchema,
    output: z.object({
      items: z.array(MessageItemSchema),
      /** Whether a mail server is set up: without one, messages are kept as not sent. */
      deliveryConfigured: z.boolean(),
    }),
  }),
  /** Sends one message again, as a new message to the same address (the original stays). */
  resend: mutation({
    access: "manageTraining",
    input: z.object({ id: IdSchema }),
    output: MessageItemSchema,
  }),
};
