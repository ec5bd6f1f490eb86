import { describe, expect, it } from "vitest";

import { SSO_REFUSALS, ssoRefusalReason } from "./single-sign-on";

describe("ssoRefusalReason", () => {
  it("reads each reason the server sends", () => {
    for (const reason of Object.keys(SSO_REFUSALS)) {
      expect(ssoRefusalReason(reason)).toBe(reason);
    }
  });

  it("ignores anything else, including names every object has", () => {
    expect(ssoRefusalReason(null)).toBeUndefined();
    expect(ssoRefusalReason("")).toBeUndefined();
    expect(ssoRefusalReason("toString")).toBeUndefined();
    expect(ssoRefusalReason("<script>")).toBeUndefined();
  });
});
