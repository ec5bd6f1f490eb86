import { describe, expect, test } from "vitest";

import { fieldOf, messageOf, post, serveAttackTarget } from "./attack-target";

// An administrator's user management, attacked over HTTP: weak passwords that meet the length
// rule, and a new user's email address used to learn who works at another council.

const target = serveAttackTarget({ trustProxy: false });

function createUser(email: string, password: string) {
  return post(target.baseUrl, {
    path: "users.create",
    body: { email, name: "Sam Example", role: "viewer", password },
    headers: { cookie: target.cookieOf(target.org.users.admin) },
  });
}

describe("new passwords follow NCSC guidance", () => {
  test.each([
    ["twelve spaces", " ".repeat(12)],
    ["a repeated word", "passwordpassword"],
    ["a run of digits", "123456789012"],
    ["a common password with digits", "password1234"],
    ["a keyboard walk", "qwertyuiop123"],
  ])("%s is refused, naming the password field", async (_, password) => {
    const answer = await createUser("weak@northshire.example", password);
    expect(answer.status).toBe(400);
    expect(fieldOf(answer.body)).toBe("password");
    expect(messageOf(answer.body)).toMatch(/^Choose a password that is harder to guess/);
  });

  test("a long passphrase is accepted as typed, spaces and all, and signs in only as typed", async () => {
    const password = "  mango bridge umbrella  ";
    const created = await createUser("strong@northshire.example", password);
    expect(created.status).toBe(200);
    const signIn = (typed: string) =>
      post(target.baseUrl, {
        path: "auth.signIn",
        body: { email: "strong@northshire.example", password: typed },
      });
    // Nothing is trimmed: the spaces are part of the password.
    expect((await signIn(password.trim())).status).toBe(401);
    expect((await signIn(password)).status).toBe(200);
  });

  test("setting a weak password on an existing user is refused too", async () => {
    const answer = await post(target.baseUrl, {
      path: "users.setPassword",
      body: { id: target.org.users.viewer.id, password: "passwordpassword" },
      headers: { cookie: target.cookieOf(target.org.users.admin) },
    });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer.body)).toBe("password");
  });
});

describe("a new user's email address reveals nothing about other organisations", () => {
  test("an address in use at another council gets exactly the answer one in use here gets", async () => {
    const password = "mango bridge umbrella";
    const elsewhere = await createUser(target.other.users.hr.email, password);
    const here = await createUser(target.org.users.hr.email, password);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body).toEqual(here.body);
    expect(messageOf(elsewhere.body)).not.toMatch(/exists|another|organisation/i);
    expect(fieldOf(elsewhere.body)).toBe("email");
  });
});
