import type { CookieJar } from "../context";
import { SESSION_LIFETIME_MS } from "./session-store";

/** The name of the session cookie. */
export const SESSION_COOKIE = "dapkit_session";

/** Puts a new session token in the cookie. */
export function setSessionCookie(cookies: CookieJar, token: string): void {
  cookies.set(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_LIFETIME_MS / 1000 });
}

/** Clears the session cookie. */
export function clearSessionCookie(cookies: CookieJar): void {
  cookies.set(SESSION_COOKIE, "", { maxAgeSeconds: 0 });
}
