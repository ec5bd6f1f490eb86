import * as crypto from "node:crypto";

import { beforeAll, describe, expect, test, vi } from "vitest";

import { getDecoyHash } from "../auth/passwords";
import { ADDRESS_POLICY, SignInLimiter } from "../auth/sign-in-limiter";
import { MAX_BATCH_SIZE } from "../http/create-server";
import { TEST_PASSWORD } from "../test/test-app";
import { messageOf, post, serveAttackTarget, signInFrom } from "./attack-target";

// Attacks on sign-in over HTTP, as found by a security review: guesses sent in parallel or in one
// batch to slip past the lockout, a batch of hundreds of sign-ins to stall every other sign-in,
// and a made-up X-Forwarded-For to escape the per-address limit. scrypt is counted, not timed.

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

// Behind one trusted proxy, so each test can play clients at many addresses.
const target = serveAttackTarget({ trustProxy: true });

beforeAll(async () => {
  await getDecoyHash();
});

const WRONG = "not the right password";
const LOCKED = /^Too many failed attempts to sign in\. Try again in \d+ minutes?\.$/;

/** A batch of tRPC mutations in one POST, as httpBatchLink would send them. */
function batch(calls: { path: string; input: unknown }[], from: string) {
  const paths = calls.map((call) => call.path).join(",");
  const body = Object.fromEntries(calls.map((call, index) => [String(index), call.input]));
  return post(target.baseUrl, {
    path: `${paths}?batch=1`,
    body,
    headers: { "x-forwarded-for": from },
  });
}

describe("the lockout holds against guesses sent together", () => {
  test("15 wrong passwords in parallel, then the right one: five are checked, the rest and the right one refused", async () => {
    const { email } = target.org.users.hr;
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        signInFrom(target.baseUrl, `198.51.100.${String(i + 1)}`, { email, password: WRONG }),
      ),
    );
    const statuses = guesses.map((guess) => guess.status).sort();
    // Five attempts are reserved before any password is checked; the other ten wait for none.
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(10).fill(429)]);
    const right = await signInFrom(target.baseUrl, "198.51.100.99", {
      email,
      password: TEST_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(messageOf(right.body)).toMatch(LOCKED);
    expect(right.setCookie).toEqual([]);
  });

  test("19 wrong passwords and the right one in one batch: refused whole, no password checked", async () => {
    const { email } = target.org.users.manager;
    const calls = [
      ...Array.from({ length: 19 }, () => ({
        path: "auth.signIn",
        input: { email, password: WRONG },
      })),
      { path: "auth.signIn", input: { email, password: TEST_PASSWORD } },
    ];
    scrypt.mockClear();
    const answer = await batch(calls, "198.51.100.120");
    expect(answer.status).toBe(400);
    expect(messageOf(answer.body)).toBe("Sign-in calls must be sent on their own, not in a batch");
    expect(answer.setCookie).toEqual([]);
    expect(scrypt).not.toHaveBeenCalled();
    // Two sign-ins are a batch too.
    expect((await batch(calls.slice(18), "198.51.100.121")).status).toBe(400);
    // Nothing was counted against the account: alone, the right password still signs in.
    const alone = await signInFrom(target.baseUrl, "198.51.100.122", {
      email,
      password: TEST_PASSWORD,
    });
    expect(alone.status).toBe(200);
  });
});

describe("one request cannot stall every sign-in", () => {
  test("a batch of 300 sign-ins is refused before any hashing, and so is any batch over the cap", async () => {
    const calls = Array.from({ length: 300 }, (_, i) => ({
      path: "auth.signIn",
      input: { email: `guess${String(i)}@northshire.example`, password: WRONG },
    }));
    scrypt.mockClear();
    const answer = await batch(calls, "198.51.100.130");
    expect(answer.status).toBe(400);
    expect(messageOf(answer.body)).toBe(
      `A request may batch at most ${String(MAX_BATCH_SIZE)} calls; send the rest separately`,
    );
    expect(scrypt).not.toHaveBeenCalled();

    // The cap is for every procedure: queries too, one call over it.
    const cookie = target.cookieOf(target.org.users.admin);
    const queries = (count: number) =>
      fetch(
        `${target.baseUrl}/trpc/${Array<string>(count).fill("auth.me").join(",")}?batch=1&input=%7B%7D`,
        { headers: { cookie } },
      );
    expect((await queries(MAX_BATCH_SIZE + 1)).status).toBe(400);
    // A batch of queries within the cap, auth.me among them, is answered as the web app expects.
    expect((await queries(MAX_BATCH_SIZE)).status).toBe(200);
  });

  test("a flood of sign-ins from one client gets 'busy' at once, while another client signs in", async () => {
    scrypt.mockClear();
    const flood = Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInFrom(target.baseUrl, "192.0.2.50", {
          email: `flood${String(i)}@northshire.example`,
          password: WRONG,
        }),
      ),
    );
    const real = await signInFrom(target.baseUrl, "192.0.2.51", {
      email: target.org.users.accreditation_lead.email,
      password: TEST_PASSWORD,
    });
    const floodAnswers = await flood;
    expect(real.status).toBe(200);
    const busy = floodAnswers.filter(
      (answer) =>
        answer.status === 429 && messageOf(answer.body).startsWith("The server is busy checking"),
    );
    const checked = floodAnswers.filter((answer) => answer.status === 401);
    expect(busy.length + checked.length).toBe(12);
    // Two may hash at once for one client; the flood arrives far faster than a hash takes, so at
    // most a handful were ever checked, and scrypt ran for exactly those and the real sign-in.
    expect(busy.length).toBeGreaterThanOrEqual(4);
    expect(scrypt).toHaveBeenCalledTimes(checked.length + 1);
  });
});

describe("behind a trusted proxy, the address the proxy saw is the one limited", () => {
  test("a made-up X-Forwarded-For entry per request does not escape the per-address limit", async () => {
    // The real limit is 50 failures; 3 shows the same rule at less cost.
    target.app.deps.limiters.address = new SignInLimiter({ ...ADDRESS_POLICY, maxFailures: 3 });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        // The client writes any left-most entry it likes; the proxy appends the real address.
        const forwarded = `10.9.9.${String(attempt)}, 203.0.113.5`;
        const guess = await signInFrom(target.baseUrl, forwarded, {
          email: `spoof${String(attempt)}@northshire.example`,
          password: WRONG,
        });
        expect(guess.status).toBe(401);
      }
      const next = await signInFrom(target.baseUrl, "10.9.9.200, 203.0.113.5", {
        email: target.org.users.viewer.email,
        password: TEST_PASSWORD,
      });
      expect(next.status).toBe(429);
      // Someone else behind the same proxy is not held back.
      const neighbour = await signInFrom(target.baseUrl, "10.9.9.200, 203.0.113.6", {
        email: target.org.users.viewer.email,
        password: TEST_PASSWORD,
      });
      expect(neighbour.status).toBe(200);
    } finally {
      target.app.deps.limiters.address = new SignInLimiter(ADDRESS_POLICY);
    }
  });
});
