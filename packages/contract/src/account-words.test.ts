import { describe, expect, it } from "vitest";

import { SIGN_IN_METHODS, TOKEN_STATUSES } from "./account";
import { SIGN_IN_METHOD_LABELS, TOKEN_STATUS_LABELS, USER_STATUS_LABELS } from "./account-words";
import { USER_STATUSES } from "./users";

describe("account words", () => {
  it("names every status and sign-in method the contract can return, in sentence case", () => {
    for (const [codes, labels] of [
      [USER_STATUSES, USER_STATUS_LABELS],
      [TOKEN_STATUSES, TOKEN_STATUS_LABELS],
      [SIGN_IN_METHODS, SIGN_IN_METHOD_LABELS],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const label of Object.values(labels)) expect(label).toMatch(/^[A-Z][a-z -]+$/);
    }
  });

  it("says how someone signed in without codes", () => {
    expect(SIGN_IN_METHOD_LABELS.single_sign_on).toBe("Single sign-on");
    expect(USER_STATUS_LABELS.deactivated).toBe("Deactivated");
  });
});
