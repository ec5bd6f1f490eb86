import { describe, expect, test } from "vitest";

import { SignInLimiter } from "./sign-in-limiter";

const POLICY = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
const at = (seconds: number) => new Date(Date.UTC(2022, 3, 5, 9, 0, seconds));

function reservation(limiter: SignInLimiter, key: string, now: Date) {
  const reserved = limiter.reserve(key, now);
  if (!("reservation" in reserved))
    throw new Error(`refused until ${reserved.retryAt.toISOString()}`);
  return reserved.reservation;
}

describe("SignInLimiter", () => {
  test("attempts count from when they are reserved, so parallel ones cannot all get in", () => {
    const limiter = new SignInLimiter(POLICY);
    const held = [0, 1, 2].map(() => reservation(limiter, "a", at(0)));
    expect(limiter.reserve("a", at(0))).toEqual({ retryAt: at(60) });
    for (const each of held) limiter.fail(each, at(1));
    // Three failures lock the key for the lock time, from the last failure.
    expect(limiter.reserve("a", at(59))).toEqual({ retryAt: new Date(at(1).getTime() + 120_000) });
    expect("reservation" in limiter.reserve("b", at(2))).toBe(true);
  });

  test("a released attempt frees its place; a success forgets the key", () => {
    const limiter = new SignInLimiter(POLICY);
    const first = reservation(limiter, "a", at(0));
    reservation(limiter, "a", at(0));
    reservation(limiter, "a", at(0));
    limiter.release(first);
    expect("reservation" in limiter.reserve("a", at(1))).toBe(true);
    limiter.succeed("a");
    expect(limiter.size).toBe(0);
  });

  test("entries expire once their window and lock are over", () => {
    const limiter = new SignInLimiter(POLICY);
    limiter.fail(reservation(limiter, "old", at(0)), at(0));
    expect(limiter.size).toBe(1);
    reservation(limiter, "new", new Date(at(0).getTime() + 120_001));
    expect(limiter.size).toBe(1);
  });

  test("past its size, the least recently used key is forgotten first", () => {
    const limiter = new SignInLimiter(POLICY, 100);
    for (let i = 0; i < 1000; i += 1) reservation(limiter, `key${String(i)}`, at(0));
    expect(limiter.size).toBe(100);
    // The newest are kept.
    reservation(limiter, "key999", at(0));
    reservation(limiter, "key999", at(0));
    expect(limiter.reserve("key999", at(0))).toEqual({ retryAt: at(60) });
  });
});
