import * as crypto from "node:crypto";

import { beforeEach, describe, expect, test, vi } from "vitest";

import { getDecoyHash } from "../auth/passwords";
import { ADDRESS_POLICY, SignInLimiter } from "../auth/sign-in-limiter";
import {
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestOrganisation,
} from "../test/test-app";

// Whether an email address has an account must not show, in the answer or in the time it takes.
// Rather than time requests (flaky on a shared machine), this counts the scrypt derivations each
// refusal costs and their cost parameters: an unknown address must pay exactly what a wrong
// password for a real one pays.

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

const scrypt = vi.mocked(crypto.scrypt);
const REFUSAL = { code: "UNAUTHORIZED", message: "Enter a correct email address and password" };

let app: TestApp;
let org: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
  await getDecoyHash();
});

/** The scrypt work one refused sign-in does: how many derivations, and with which cost. */
async function workOfRefusal(email: string, password: string, ip: string) {
  scrypt.mockClear();
  await expect(app.caller(null, { ip }).auth.signIn({ email, password })).rejects.toMatchObject(
    REFUSAL,
  );
  return scrypt.mock.calls.map((call) => {
    const options = call[3];
    return { keyLength: call[2], N: options.N, r: options.r, p: options.p };
  });
}

describe("sign-in gives nothing away about which accounts exist", () => {
  test("an unknown address costs the same scrypt work as a wrong password, and gets the same answer", async () => {
    const wrongPassword = await workOfRefusal(org.users.hr.email, "not the password", "10.0.0.1");
    const unknown = await workOfRefusal(
      "nobody@northshire.example",
      "not the password",
      "10.0.0.2",
    );
    await app
      .caller(org.users.admin)
      .users.update({ id: org.users.viewer.id, data: { active: false } });
    const deactivated = await workOfRefusal(org.users.viewer.email, TEST_PASSWORD, "10.0.0.3");
    expect(wrongPassword).toEqual([{ keyLength: 32, N: 32768, r: 8, p: 1 }]);
    expect(unknown).toEqual(wrongPassword);
    expect(deactivated).toEqual(wrongPassword);
  });

  test("and, measured coarsely, takes about as long", async () => {
    const time = async (email: string, ip: string) => {
      const started = process.hrtime.bigint();
      await app
        .caller(null, { ip })
        .auth.signIn({ email, password: "not the password" })
        .catch(() => undefined);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      known.push(await time(org.users.hr.email, `10.1.0.${String(round)}`));
      unknown.push(
        await time(`nobody${String(round)}@northshire.example`, `10.2.0.${String(round)}`),
      );
    }
    // The quickest of each, since a busy machine only ever adds time; generous bounds, as scrypt
    // dominates both and a skipped hash would be ten times faster.
    const ratio = Math.min(...unknown) / Math.min(...known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  test("too many failures from one address lock it out, whichever accounts they tried, real or not", async () => {
    // The real policy is 50 in 15 minutes; a limit of 8 shows the same rule at a sixth of the cost.
    expect(ADDRESS_POLICY).toEqual({ maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
    app.deps.limiters.address = new SignInLimiter({ ...ADDRESS_POLICY, maxFailures: 8 });
    const caller = app.caller(null, { ip: "192.0.2.7" });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      // A different address each time, so the per-account limit (5) cannot be what locks.
      const email = `guess${String(attempt)}@northshire.example`;
      await expect(caller.auth.signIn({ email, password: "a guess" })).rejects.toMatchObject(
        REFUSAL,
      );
    }
    await expect(
      caller.auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many failed attempts to sign in. Try again in 15 minutes.",
    });
    // Another client address is not held back.
    await expect(
      app
        .caller(null, { ip: "192.0.2.8" })
        .auth.signIn({ email: org.users.hr.email, password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ id: org.users.hr.id });
  });
});
