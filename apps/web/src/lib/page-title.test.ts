import { expect, test } from "vitest";

import { pageTitle } from "./page-title";

test("a signed-in page names the page, the service and the organisation", () => {
  expect(pageTitle("Users", { organisationName: "Oxford City Council" })).toBe(
    "Users – dapkit – Oxford City Council",
  );
  expect(pageTitle("Users", { error: true, organisationName: "Oxford City Council" })).toBe(
    "Error: Users – dapkit – Oxford City Council",
  );
});

test("before sign-in there is no organisation to name", () => {
  expect(pageTitle("Sign in")).toBe("Sign in – dapkit");
  expect(pageTitle("Sign in", { error: true, organisationName: "" })).toBe(
    "Error: Sign in – dapkit",
  );
});
