import type * as z from "zod";

import {
  MESSAGE_KIND_CODES,
  MESSAGE_KINDS,
  type MessagePreviewSchema,
  type MessageSettingsSchema,
  type UpdateMessageSettingsInputSchema,
} from "@dapkit/contract";

import { messageSettings } from "../../db/schema";
import { actorOf } from "../actor";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { carriesAccountLink } from "./account-link-messages";
import { composeMessage, type MessageFacts } from "./compose-message";
import { messageConfig } from "./message-config";
import { messageSettingsOf, organisationNameOf, type MessageSettings } from "./queue-message";

type SettingsOutput = z.infer<typeof MessageSettingsSchema>;

function toOutput(settings: MessageSettings): SettingsOutput {
  return {
    enabledKinds: MESSAGE_KIND_CODES.filter((kind) => !settings.disabledKinds.includes(kind)),
    reminderDays: [...settings.reminderDays].sort((a, b) => b - a),
    senderName: settings.senderName,
    replyTo: settings.replyTo,
  };
}

/** The organisation's message settings. */
export function getMessageSettings(scope: Scope): SettingsOutput {
  return toOutput(messageSettingsOf(scope.db, scope.user.organisationId));
}

/** Changes the organisation's message settings (audited); those left out keep their values. */
export function updateMessageSettings(
  scope: Scope,
  input: z.infer<typeof UpdateMessageSettingsInputSchema>,
): SettingsOutput {
  const organisationId = scope.user.organisationId;
  return scope.db.transaction((tx) => {
    const before = messageSettingsOf(tx, organisationId);
    const after: MessageSettings = {
      disabledKinds:
        input.enabledKinds === undefined
          ? before.disabledKinds
          : MESSAGE_KIND_CODES.filter((kind) => !input.enabledKinds?.includes(kind)),
      reminderDays: input.reminderDays ?? before.reminderDays,
      senderName: input.senderName ?? before.senderName,
      replyTo: input.replyTo ?? before.replyTo,
    };
    const values = { ...after, updatedAt: scope.now.toISOString() };
    tx.insert(messageSettings)
      .values({ organisationId, ...values })
      .onConflictDoUpdate({ target: messageSettings.organisationId, set: values })
      .run();
    recordAudit(tx, {
      actor: actorOf(scope.user),
      at: scope.now,
      action: "update",
      entity: "message_settings",
      entityId: organisationId,
      before: toOutput(before),
      after: toOutput(after),
    });
    return toOutput(after);
  });
}

// Fictional sample data for the previews, a summer session so the times read in BST.
const SAMPLE_SESSION = {
  sessionId: "sample",
  courseTitle: "Domestic abuse awareness",
  startsAt: "2026-07-15T08:30:00Z",
  endsAt: "2026-07-15T11:30:00Z",
  location: "Town Hall, Committee Room 2",
};

const CANCELLING = new Set(["booking_cancelled", "session_cancelled"]);

const SESSIONLESS = new Set([
  "refresher_due",
  "evidence_due",
  "account_invitation",
  "password_reset",
]);

/** Every kind's message as it would read, with sample data and the organisation's name. */
export function messagePreviews(scope: Scope): z.infer<typeof MessagePreviewSchema>[] {
  const organisationName = organisationNameOf(scope.db, scope.user.organisationId);
  const settings = messageSettingsOf(scope.db, scope.user.organisationId);
  const { publicUrl } = messageConfig();
  return MESSAGE_KIND_CODES.map((kind) => {
    const facts: MessageFacts = {
      organisationName,
      recipientName: kind === "no_show" ? "Morgan Manager" : "Asha Patel",
      personName: "Asha Patel",
      session: SESSIONLESS.has(kind) ? null : SAMPLE_SESSION,
      daysBefore: kind === "reminder" ? (settings.reminderDays[0] ?? 7) : null,
      due:
        kind === "refresher_due"
          ? { date: "2026-08-14", title: SAMPLE_SESSION.courseTitle }
          : kind === "evidence_due"
            ? { date: "2026-08-14", title: "Domestic abuse policy" }
            : null,
      link: carriesAccountLink(kind)
        ? `${publicUrl}/set-password#token=sample`
        : `${publicUrl}/training/sessions/sample`,
    };
    const calendarMethod = MESSAGE_KINDS[kind].calendar
      ? CANCELLING.has(kind)
        ? "CANCEL"
        : "REQUEST"
      : null;
    return { kind, ...composeMessage(kind, facts), calendarMethod };
  });
}
