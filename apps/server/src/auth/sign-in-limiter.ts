/** When too many sign-ins fail, further attempts wait until the lock lifts. */
export interface LimiterPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

interface Attempts {
  failures: number[];
  lockedUntil: number;
}

/**
 * Counts failed sign-ins per key (an email address, a client address) in memory. Unknown email
 * addresses are counted like real ones, so a lockout reveals nothing about which accounts exist.
 * Counts reset when the process restarts; that is acceptable for a single-process server.
 */
export class SignInLimiter {
  private readonly attempts = new Map<string, Attempts>();
  private readonly policy: LimiterPolicy;

  constructor(policy: LimiterPolicy) {
    this.policy = policy;
  }

  /** The time the key stays locked until, if it is locked now. */
  lockedUntil(key: string, now: Date): Date | undefined {
    const entry = this.attempts.get(key);
    return entry !== undefined && entry.lockedUntil > now.getTime()
      ? new Date(entry.lockedUntil)
      : undefined;
  }

  /** Records a failure; locks the key when it reaches the policy's limit within the window. */
  fail(key: string, now: Date): void {
    const at = now.getTime();
    const entry = this.attempts.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = [...entry.failures.filter((t) => t > at - this.policy.windowMs), at];
    if (entry.failures.length >= this.policy.maxFailures) {
      entry.lockedUntil = at + this.policy.lockMs;
      entry.failures = [];
    }
    this.attempts.set(key, entry);
  }

  /** Forgets a key's failures after a successful sign-in. */
  succeed(key: string): void {
    this.attempts.delete(key);
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
