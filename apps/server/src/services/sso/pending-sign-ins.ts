import { randomBytes } from "node:crypto";

/** What the server keeps between sending someone to their provider and their coming back. */
export interface PendingSignIn {
  organisationId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The redirect URI sent to the provider: the code exchange must repeat it exactly. */
  redirectUri: string;
}

/** How long someone has to sign in at their provider and come back. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;
// Each entry is a few hundred bytes: this bounds the store at a few megabytes however many
// sign-ins are started and abandoned; past it the oldest is dropped (its sign-in starts again).
export const MAX_PENDING = 10_000;

interface Entry extends PendingSignIn {
  expiresAt: number;
}

/**
 * Sign-ins waiting for their provider's answer, kept in the server's memory under a random key
 * that only the browser's short-lived cookie holds. Each is taken once: a callback, right or
 * wrong, ends it, so a state, nonce or code verifier can never be used twice.
 */
export class PendingSignIns {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit = MAX_PENDING) {}

  /** Keeps a sign-in and returns the key for the browser's cookie. */
  add(pending: PendingSignIn, now: Date): string {
    this.dropExpired(now);
    while (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    const key = randomBytes(32).toString("base64url");
    this.entries.set(key, { ...pending, expiresAt: now.getTime() + PENDING_LIFETIME_MS });
    return key;
  }

  /** Removes and returns the sign-in under `key`, unless there is none or it has expired. */
  take(key: string, now: Date): PendingSignIn | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry === undefined || entry.expiresAt <= now.getTime()) return undefined;
    const { expiresAt: _expiresAt, ...pending } = entry;
    return pending;
  }

  // Entries are kept in the order they were added, and all live equally long: the expired ones
  // are at the front.
  private dropExpired(now: Date): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now.getTime()) break;
      this.entries.delete(key);
    }
  }
}

/** The process's pending sign-ins: the server runs as one process, so memory is enough. */
export const pendingSignIns = new PendingSignIns();
