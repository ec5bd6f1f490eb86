import { expect, test } from "vitest";

import { mappingText, parseMapping, ssoInput, type SsoText } from "./sso-input";

const EMPTY: SsoText = {
  enabled: "no",
  issuerUrl: "",
  clientId: "",
  clientSecret: "",
  allowedDomains: "",
  roleClaim: "",
  roleMapping: "",
  defaultRole: "",
  createUnknownUsers: "no",
};

test("an empty secret is left out, so the stored one is kept; a typed one is sent", () => {
  expect(ssoInput(EMPTY)).not.toHaveProperty("clientSecret");
  expect(ssoInput({ ...EMPTY, clientSecret: "s3cret" }).clientSecret).toBe("s3cret");
});

test("empty text fields are sent as null (cleared), not as empty strings", () => {
  const input = ssoInput(EMPTY);
  expect([input.issuerUrl, input.clientId, input.roleClaim, input.defaultRole]).toEqual([
    null,
    null,
    null,
    null,
  ]);
});

test("the role mapping reads back what it shows, and names the first line it cannot read", () => {
  const mapping = { "a=b group": "manager", admins: "admin" } as const;
  expect(parseMapping(mappingText(mapping))).toEqual({ mapping, problem: null });
  expect(parseMapping("ok = Viewer\n\nbroken\n= HR").problem?.message).toBe(
    "Role mapping line 3 must be a claim value, then =, then a role",
  );
  // A role nobody has is passed on for the contract's schema to refuse by name.
  expect(parseMapping("x = Boss").mapping).toEqual({ x: "Boss" });
});
