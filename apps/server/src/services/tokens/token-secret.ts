import { randomBytes } from "node:crypto";

/**
 * The prefix of every personal API token, so a token pasted somewhere it should not be (a
 * repository, a chat) is recognisable, and secret scanners can be taught to look for it.
 */
export const TOKEN_PREFIX = "dapkit_";

/** A new secret: 256 random bits, URL-safe. Only its sha256 is stored (see hashToken). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}
