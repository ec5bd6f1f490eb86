import { expect, test } from "vitest";

import { confirmationProblem } from "./new-password-fields";
import { tokenFromAddress } from "./set-password-page";

test("a link's token is read from the fragment, else the query", () => {
  expect(tokenFromAddress("#token=abc_DEF-123", "")).toBe("abc_DEF-123");
  expect(tokenFromAddress("", "?token=from-query")).toBe("from-query");
  expect(tokenFromAddress("#token=fragment", "?token=query")).toBe("fragment");
});

test("an address without a token gives none, so the page says the link cannot be used", () => {
  expect(tokenFromAddress("", "")).toBe("");
  expect(tokenFromAddress("#other=1", "?next=/")).toBe("");
});

test("the confirmation must match a password that was typed", () => {
  expect(confirmationProblem("a long password", "a long password")).toBeNull();
  expect(confirmationProblem("a long password", "a long pasword")).toEqual({
    field: "confirm",
    message: "The passwords do not match",
  });
  // An empty password is the schema's to report, on its own field.
  expect(confirmationProblem("", "anything")).toBeNull();
});
