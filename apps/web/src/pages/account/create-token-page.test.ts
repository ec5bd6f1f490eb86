import { expect, test } from "vitest";

import { contract, MAX_TOKEN_DAYS } from "@dapkit/contract";

import { daysFrom } from "./create-token-page";

test("days are read only from whole numbers in digits", () => {
  expect(daysFrom("90")).toBe(90);
  expect(daysFrom(" 7 ")).toBe(7);
  for (const bad of ["", "1.5", "ninety", "-1", "12345"]) expect(daysFrom(bad)).toBeNaN();
});

test("the contract refuses a token that would last too long or not at all", () => {
  const schema = contract.account.tokens.create.input;
  expect(schema.safeParse({ name: "Report script", expiresInDays: daysFrom("30") }).success).toBe(
    true,
  );
  expect(schema.safeParse({ name: "x", expiresInDays: daysFrom("0") }).success).toBe(false);
  expect(
    schema.safeParse({ name: "x", expiresInDays: daysFrom(String(MAX_TOKEN_DAYS + 1)) }).success,
  ).toBe(false);
});
