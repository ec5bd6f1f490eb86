import type { SIGN_IN_METHODS, TOKEN_STATUSES } from "./account";
import type { UserStatus } from "./users";

// The words for account states live with the contract that defines the codes, so the users page,
// "My account", the audit export and any SDK consumer say the same thing.

/** Each account status as people read it. */
export const USER_STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  invited: "Invited",
  active: "Active",
  deactivated: "Deactivated",
};

/** How someone signed in, as "My account" lists it. */
export const SIGN_IN_METHOD_LABELS: Readonly<Record<(typeof SIGN_IN_METHODS)[number], string>> = {
  password: "Password",
  single_sign_on: "Single sign-on",
  link: "Single-use link",
};

/** Each API token status as people read it. */
export const TOKEN_STATUS_LABELS: Readonly<Record<(typeof TOKEN_STATUSES)[number], string>> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};
