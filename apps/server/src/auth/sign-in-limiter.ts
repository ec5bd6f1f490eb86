/** When too many sign-ins fail, further attempts wait until the lock lifts. */
export interface LimiterPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

interface Attempts {
  /** When each attempt in the window began: those still being checked and those that failed. */
  attempts: number[];
  lockedUntil: number;
  /** The last time the entry changed, for expiry. */
  touched: number;
}

/** A claim on one attempt, handed back with the outcome. */
export interface Reservation {
  key: string;
  at: number;
}

/** The answer to a request for an attempt: go ahead, or wait until a time. */
export type Reserved = { reservation: Reservation } | { retryAt: Date };

/** More keys than this and the least recently used are forgotten first (see `reserve`). */
export const MAX_LIMITER_KEYS = 100_000;

/**
 * Counts sign-in attempts per key (an email address, a client address) in memory. An attempt is
 * reserved before the password is checked and counts against the limit while it is checked, so
 * guesses sent in parallel cannot all slip in under the limit before the first one fails. Unknown
 * email addresses are counted like real ones, so a lockout reveals nothing about which accounts
 * exist. Counts reset when the process restarts; that is acceptable for a single-process server.
 *
 * Memory is bounded: an entry expires once its window and its lock have passed, and past
 * `maxKeys` the least recently used entry is forgotten.
 */
export class SignInLimiter {
  // Kept in least-recently-touched order (a touched entry is moved to the end), so expired entries
  // are found at the front without a scan.
  private readonly entries = new Map<string, Attempts>();
  private readonly policy: LimiterPolicy;
  private readonly maxKeys: number;

  constructor(policy: LimiterPolicy, maxKeys = MAX_LIMITER_KEYS) {
    this.policy = policy;
    this.maxKeys = maxKeys;
  }

  /** How many keys are remembered now (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Claims an attempt for `key`, or says when one may be made: while the key is locked, or while
   * the attempts in the window (including those still being checked) have reached the limit.
   */
  reserve(key: string, now: Date): Reserved {
    const at = now.getTime();
    this.expire(at);
    const entry = this.entries.get(key) ?? { attempts: [], lockedUntil: 0, touched: at };
    entry.attempts = entry.attempts.filter((t) => t > at - this.policy.windowMs);
    if (entry.lockedUntil > at) return { retryAt: new Date(entry.lockedUntil) };
    const oldest = entry.attempts[0];
    if (oldest !== undefined && entry.attempts.length >= this.policy.maxFailures) {
      return { retryAt: new Date(oldest + this.policy.windowMs) };
    }
    entry.attempts.push(at);
    this.touch(key, entry, at);
    return { reservation: { key, at } };
  }

  /** Records a reserved attempt as failed; locks the key when failures reach the limit. */
  fail(reservation: Reservation, now: Date): void {
    const at = now.getTime();
    const entry = this.entries.get(reservation.key);
    if (entry === undefined) return;
    entry.attempts = entry.attempts.filter((t) => t > at - this.policy.windowMs);
    if (entry.attempts.length >= this.policy.maxFailures) {
      entry.lockedUntil = at + this.policy.lockMs;
      entry.attempts = [];
    }
    this.touch(reservation.key, entry, at);
  }

  /** Gives back a reserved attempt that succeeded, leaving the key's other attempts counted. */
  release(reservation: Reservation): void {
    const entry = this.entries.get(reservation.key);
    if (entry === undefined) return;
    const index = entry.attempts.indexOf(reservation.at);
    if (index !== -1) entry.attempts.splice(index, 1);
  }

  /** Forgets a key's attempts and lock after a successful sign-in. */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  private touch(key: string, entry: Attempts, at: number): void {
    entry.touched = at;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) {
      const least = this.entries.keys().next();
      if (least.done !== true) this.entries.delete(least.value);
    }
  }

  // The front entries are the least recently touched: drop them while both their window and any
  // lock are over, which takes constant time per call on average.
  private expire(at: number): void {
    const lifetime = Math.max(this.policy.windowMs, this.policy.lockMs);
    for (const [key, entry] of this.entries) {
      if (entry.touched > at - lifetime || entry.lockedUntil > at) return;
      this.entries.delete(key);
    }
  }
}

/** Five failures in 15 minutes lock an email address for 15 minutes. */
export const EMAIL_POLICY: LimiterPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
/** A client address gets more room, since several people may share an office's address. */
export const ADDRESS_POLICY: LimiterPolicy = {
  maxFailures: 50,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
