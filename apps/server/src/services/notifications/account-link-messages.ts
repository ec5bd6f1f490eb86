import { eq } from "drizzle-orm";

import type { MessageKind } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { users } from "../../db/schema";
import { AppError } from "../../errors";
import { issueAccountLink, linkUrl, type AccountLinkPurpose } from "../auth/account-links";
import { composeMessage } from "./compose-message";
import { messageConfig } from "./message-config";
import { messageSettingsOf, organisationNameOf, queueMessage } from "./queue-message";

// A set-password link is a password in all but name, and the outbox keeps what it sends. So the
// queued message holds a placeholder, and the link itself is made as the message goes out (ending
// any earlier one): the only copy of the token is the email.

/** What stands in the stored body for the link the sender makes. */
export const ACCOUNT_LINK_PLACEHOLDER = "[a single-use link is added when this is sent]";

const KIND_OF: Readonly<Record<"invite" | "reset", MessageKind>> = {
  invite: "account_invitation",
  reset: "password_reset",
};

const PURPOSE_OF: Readonly<Partial<Record<string, "invite" | "reset">>> = {
  account_invitation: "invite",
  password_reset: "reset",
};

/** Whether a message of `kind` carries a set-password link made at sending. */
export function carriesAccountLink(kind: string): boolean {
  return PURPOSE_OF[kind] !== undefined;
}

/** The words of an account message, with `link` where the person goes. */
export function composeAccountMessage(
  kind: MessageKind,
  names: { organisationName: string; recipientName: string },
  link: string,
) {
  return composeMessage(kind, {
    ...names,
    personName: names.recipientName,
    session: null,
    daysBefore: null,
    due: null,
    link,
  });
}

/**
 * Queues the email that brings `user` their invitation or password-reset link, in the caller's
 * transaction. Refuses (so the caller's change is undone) when it could not be sent: no mail server
 * is set up, or the organisation has turned that message off. Returns the address it goes to.
 */
export function queueAccountLinkMessage(
  tx: Queryable,
  options: {
    user: { id: string; organisationId: string; name: string; email: string };
    purpose: "invite" | "reset";
    now: Date;
    requestedBy: string;
  },
): string {
  const { user, purpose, now } = options;
  if (!messageConfig().deliveryConfigured) {
    throw new AppError(
      "bad_request",
      "No mail server is set up, so the link cannot be emailed. Choose to be shown the link",
      { field: "sendBy" },
    );
  }
  const kind = KIND_OF[purpose];
  const organisationName = organisationNameOf(tx, user.organisationId);
  const queued = queueMessage(
    tx,
    {
      organisationId: user.organisationId,
      now,
      settings: messageSettingsOf(tx, user.organisationId),
    },
    {
      kind,
      key: `${kind}:${user.id}:${newId()}`,
      recipient: { name: user.name, email: user.email, userId: user.id },
      about: {},
      ...composeAccountMessage(
        kind,
        { organisationName, recipientName: user.name },
        ACCOUNT_LINK_PLACEHOLDER,
      ),
      requestedBy: options.requestedBy,
    },
  );
  if (!queued) {
    throw new AppError(
      "bad_request",
      "This message is turned off in the message settings. Choose to be shown the link",
      { field: "sendBy" },
    );
  }
  return user.email;
}

/** Whether the account still needs the link: an invitation not yet taken up, a reset not yet done. */
function stillNeeded(db: Queryable, userId: string, purpose: "invite" | "reset"): boolean {
  const row = db
    .select({
      active: users.active,
      passwordHash: users.passwordHash,
      lastSignInAt: users.lastSignInAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row?.active) return false;
  return purpose === "invite"
    ? row.passwordHash == null && row.lastSignInAt == null
    : row.mustChangePassword;
}

/**
 * The body to send for an account message: the stored one with a new link in place of the
 * placeholder (made now, so only this email holds it), or null when the account no longer needs
 * one. Other messages' bodies are returned as stored.
 */
export function bodyToSend(
  db: Queryable,
  message: {
    kind: string;
    organisationId: string;
    recipientUserId: string | null;
    bodyText: string;
  },
  now: Date,
): string | null {
  const purpose: AccountLinkPurpose | undefined = PURPOSE_OF[message.kind];
  if (purpose === undefined) return message.bodyText;
  const userId = message.recipientUserId;
  if (userId == null || !stillNeeded(db, userId, purpose)) return null;
  const { token } = issueAccountLink(db, {
    user: { id: userId, organisationId: message.organisationId },
    purpose,
    now,
  });
  const url = linkUrl(messageConfig().publicUrl, token);
  return message.bodyText.replace(ACCOUNT_LINK_PLACEHOLDER, url);
}
