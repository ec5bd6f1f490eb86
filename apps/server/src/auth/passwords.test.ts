import { describe, expect, test } from "vitest";

import { assertStrongPassword, getDecoyHash, hashPassword, verifyPassword } from "./passwords";

describe("passwords", () => {
  test("a hash verifies its own password and no other", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  test("each hash has its own salt", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password"),
      hashPassword("same password"),
    ]);
    expect(a).not.toBe(b);
  });

  test("malformed stored hashes never verify", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$abc")).toBe(false);
  });

  test("the decoy hash is made once", async () => {
    expect(await getDecoyHash()).toBe(await getDecoyHash());
  });
});

describe("new passwords are checked against the deny list", () => {
  test.each([
    " ".repeat(12),
    "passwordpassword",
    "123456789012",
    "Password123!",
    "letmein12345",
    "iloveyou1234",
    "qwertyuiop123",
    "a".repeat(1024),
  ])("%j is refused, naming the field", (password) => {
    let refusal: unknown;
    try {
      assertStrongPassword(password);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: "bad_request", field: "password" });
    expect((refusal as Error).message).toMatch(/^Choose a password that is harder to guess/);
  });

  test.each(["correct horse battery staple", "mango bridge umbrella", "Tr0ub4dor&3xyz"])(
    "%j is accepted",
    (password) => {
      expect(() => {
        assertStrongPassword(password);
      }).not.toThrow();
    },
  );
});
