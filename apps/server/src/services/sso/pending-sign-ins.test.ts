import { describe, expect, it } from "vitest";

import { PENDING_LIFETIME_MS, PendingSignIns, type PendingSignIn } from "./pending-sign-ins";

const at = new Date("2026-04-01T09:00:00.000Z");
const later = (ms: number) => new Date(at.getTime() + ms);

function pending(state: string): PendingSignIn {
  return {
    organisationId: "org",
    state,
    nonce: `nonce-${state}`,
    codeVerifier: `verifier-${state}`,
    redirectUri: "https://dapkit.example/api/auth/sso/callback",
  };
}

describe("PendingSignIns", () => {
  it("gives a sign-in back once, under its own key only", () => {
    const store = new PendingSignIns();
    const key = store.add(pending("a"), at);
    const other = store.add(pending("b"), at);

    expect(key).not.toBe(other);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.take("made-up", at)).toBeUndefined();
    expect(store.take(key, at)).toEqual(pending("a"));
    expect(store.take(key, at)).toBeUndefined();
    expect(store.take(other, at)).toEqual(pending("b"));
  });

  it("forgets a sign-in once its ten minutes are up", () => {
    const store = new PendingSignIns();
    const kept = store.add(pending("kept"), at);
    const expired = store.add(pending("expired"), at);

    expect(store.take(kept, later(PENDING_LIFETIME_MS - 1))).toEqual(pending("kept"));
    expect(store.take(expired, later(PENDING_LIFETIME_MS))).toBeUndefined();
  });

  it("stays within its bound by dropping the oldest sign-in", () => {
    const store = new PendingSignIns(3);
    const keys = ["1", "2", "3", "4"].map((state) => store.add(pending(state), at));

    expect(store.take(keys[0] ?? "", at)).toBeUndefined();
    expect(keys.slice(1).map((key) => store.take(key, at)?.state)).toEqual(["2", "3", "4"]);
  });
});
