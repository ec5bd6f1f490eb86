import { AppError } from "../errors";

/** How much password hashing may run or wait at once. */
export interface HashingLimits {
  /** Hashes one client may have running or waiting. */
  perClient: number;
  /** Hashes running at once across every client (scrypt runs on libuv's 4 worker threads). */
  running: number;
  /** Hashes waiting for a turn across every client; past this the server says it is busy. */
  waiting: number;
}

/** Two per client, four running and 32 waiting overall. */
export const HASHING_LIMITS: HashingLimits = { perClient: 2, running: 4, waiting: 32 };

const BUSY = "The server is busy checking passwords. Try again in a moment.";

/**
 * Bounds the password hashing (a deliberately slow scrypt) that clients can make the server do.
 * A client past its share, or any client when the queue is full, is refused at once with "too
 * many requests" rather than queued, so a flood of sign-ins cannot make everyone else wait behind
 * it: real sign-ins from other clients still get a turn within a few hashes' time.
 */
export class HashingGate {
  private readonly limits: HashingLimits;
  private readonly perClient = new Map<string, number>();
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(limits: HashingLimits) {
    this.limits = limits;
  }

  /** Runs `work` (which hashes) for `client` when a turn is free; throws when over the limits. */
  async run<T>(client: string, work: () => Promise<T>): Promise<T> {
    const held = this.perClient.get(client) ?? 0;
    const mustWait = this.running >= this.limits.running;
    if (held >= this.limits.perClient || (mustWait && this.queue.length >= this.limits.waiting)) {
      throw new AppError("too_many_requests", BUSY);
    }
    this.perClient.set(client, held + 1);
    try {
      if (mustWait) await new Promise<void>((resolve) => this.queue.push(resolve));
      else this.running += 1;
      try {
        return await work();
      } finally {
        // The turn passes straight to the next in the queue, so `running` stays as it is.
        const next = this.queue.shift();
        if (next === undefined) this.running -= 1;
        else next();
      }
    } finally {
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left === 0) this.perClient.delete(client);
      else this.perClient.set(client, left);
    }
  }
}

/** The one gate for the whole process, since the worker threads it protects are shared too. */
export const passwordHashing = new HashingGate(HASHING_LIMITS);
