import { describe, expect, test } from "vitest";

import { getDecoyHash, hashPassword, verifyPassword } from "./passwords";

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
