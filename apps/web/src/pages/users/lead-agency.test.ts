import { expect, test } from "vitest";

import { leadAgencyId } from "./lead-agency";

test("only an agency lead's chosen agency is sent; other roles send none", () => {
  expect(leadAgencyId("agency_lead", "a1")).toBe("a1");
  // Left unchosen, none is sent, so the server names the missing agency.
  expect(leadAgencyId("agency_lead", "")).toBeNull();
  expect(leadAgencyId("viewer", "a1")).toBeNull();
  expect(leadAgencyId(null, "a1")).toBeNull();
});
