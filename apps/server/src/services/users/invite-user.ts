import type { LINK_DELIVERIES } from "@dapkit/contract";

import type { Queryable } from "../../db/client";
import { issueAccountLink, linkUrl } from "../auth/account-links";
import { queueAccountLinkMessage } from "../notifications/account-link-messages";
import type { Scope } from "../scope";
import { addUser, type NewUser } from "./manage-users";

/** How a new link reaches its person (see LINK_DELIVERIES). */
export type LinkDelivery = (typeof LINK_DELIVERIES)[number];

/**
 * Gives `user` a single-use set-password link, in the caller's transaction: emailed to them (the
 * link is made as the message is sent), or returned for the administrator to pass on.
 */
export function deliverAccountLink(
  tx: Queryable,
  options: {
    scope: Scope;
    user: { id: string; organisationId: string; name: string; email: string };
    purpose: "invite" | "reset";
    sendBy: LinkDelivery;
    publicUrl: string | undefined;
  },
) {
  const { scope, user, purpose } = options;
  if (options.sendBy === "email") {
    const emailedTo = queueAccountLinkMessage(tx, {
      user,
      purpose,
      now: scope.now,
      requestedBy: scope.user.id,
    });
    return { link: null, emailedTo };
  }
  const { token, expiresAt } = issueAccountLink(tx, { user, purpose, now: scope.now });
  return { link: { url: linkUrl(options.publicUrl, token), expiresAt }, emailedTo: null };
}

/**
 * Adds a user with no password and gives them the single-use link (valid 72 hours) where they
 * choose one, by email or through the administrator. A person whose organisation uses single
 * sign-on can sign in that way instead.
 */
export function inviteUser(
  scope: Scope,
  input: NewUser & { sendBy: LinkDelivery },
  publicUrl: string | undefined,
) {
  const { sendBy, ...newUser } = input;
  return addUser(scope, { ...newUser, passwordHash: null }, (tx, user) => ({
    user,
    ...deliverAccountLink(tx, { scope, user, purpose: "invite", sendBy, publicUrl }),
  }));
}
