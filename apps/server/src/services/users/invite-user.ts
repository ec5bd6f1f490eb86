import { issueAccountLink, linkUrl } from "../auth/account-links";
import type { Scope } from "../scope";
import { addUser, type NewUser } from "./manage-users";

/**
 * Adds a user with no password and returns the single-use link (valid 72 hours) where they choose
 * one; the admin passes it on (by email once the service sends mail). A person whose organisation
 * uses single sign-on can sign in that way instead.
 */
export function inviteUser(scope: Scope, input: NewUser, publicUrl: string | undefined) {
  return addUser(scope, { ...input, passwordHash: null }, (tx, user) => {
    const { token, expiresAt } = issueAccountLink(tx, { user, purpose: "invite", now: scope.now });
    return { user, link: { url: linkUrl(publicUrl, token), expiresAt } };
  });
}
