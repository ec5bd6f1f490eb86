import { describe, expect, test } from "vitest";

import { CSRF_HEADER } from "@dapkit/contract";

import { TEST_PASSWORD } from "../test/test-app";
import { serveAttackTarget } from "./attack-target";

// Two findings of a security review about what the HTTP server answers: an Origin header that
// does not parse made it fail (500) instead of refusing the request as cross-site, and answers
// carrying personal data could be kept by a browser or proxy cache.

const target = serveAttackTarget({ trustProxy: false });

describe("an Origin that does not parse is treated as another site", () => {
  test.each(["garbage", "http://", "https://[::1", "://evil", " ", "http://exa mple.org"])(
    "Origin %j gets 403, and the sign-in it carried does not happen",
    async (origin) => {
      const response = await fetch(`${target.baseUrl}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json", [CSRF_HEADER]: "1", origin },
        body: JSON.stringify({ email: target.org.users.hr.email, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    },
  );

  test("the server's own origin is still accepted", async () => {
    const response = await fetch(`${target.baseUrl}/trpc/auth.signIn`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [CSRF_HEADER]: "1",
        origin: target.baseUrl,
      },
      body: JSON.stringify({ email: target.org.users.hr.email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(200);
  });
});

describe("no cache keeps an answer from the API", () => {
  test("every /trpc and /api answer says no-store: data, errors, refusals, unknown addresses", async () => {
    const cookie = target.cookieOf(target.org.users.hr);
    const answers: [string, Promise<Response>][] = [
      [
        "a query with personal data",
        fetch(`${target.baseUrl}/trpc/staff.list`, { headers: { cookie } }),
      ],
      ["the signed-in user", fetch(`${target.baseUrl}/trpc/auth.me`, { headers: { cookie } })],
      ["a refused query", fetch(`${target.baseUrl}/trpc/users.list`, { headers: { cookie } })],
      ["a signed-out query", fetch(`${target.baseUrl}/trpc/staff.list`)],
      ["an unknown procedure", fetch(`${target.baseUrl}/trpc/no.such`, { headers: { cookie } })],
      [
        "a batch",
        fetch(`${target.baseUrl}/trpc/auth.me,staff.list?batch=1&input=%7B%7D`, {
          headers: { cookie },
        }),
      ],
      [
        "a mutation refused for CSRF",
        fetch(`${target.baseUrl}/trpc/auth.signOut`, { method: "POST", headers: { cookie } }),
      ],
      ["an export", fetch(`${target.baseUrl}/api/export/staff.csv`, { headers: { cookie } })],
      ["an unknown API address", fetch(`${target.baseUrl}/api/nothing`, { headers: { cookie } })],
    ];
    for (const [what, pending] of answers) {
      const response = await pending;
      expect([what, response.headers.get("cache-control")]).toEqual([
        what,
        expect.stringMatching(/\bno-store\b/),
      ]);
    }
  });
});
