import { ROLE_LABELS, USER_ROLES, type UserRole } from "@dapkit/contract";

import type { FieldError } from "../../lib/api-errors";

/** What the single sign-on form holds: text as typed, and each choice made. */
// A type rather than an interface: useForm takes a record, and only a type alias is one.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type SsoText = {
  enabled: string | null;
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string;
  roleClaim: string;
  roleMapping: string;
  defaultRole: string;
  createUnknownUsers: string | null;
};

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

// A role as typed: its label ("Manager") or its code, in any case; anything else is passed on
// unchanged so the contract's schema names the problem.
function roleFrom(text: string): UserRole {
  const wanted = text.trim().toLowerCase();
  const found = USER_ROLES.find(
    (role) => role === wanted || ROLE_LABELS[role].toLowerCase() === wanted,
  );
  return found ?? (text.trim() as UserRole);
}

/** Claim value → role, as the role mapping box shows it: one `value = role` a line. */
export function mappingText(mapping: Readonly<Record<string, UserRole>>): string {
  return Object.entries(mapping)
    .map(([value, role]) => `${value} = ${ROLE_LABELS[role]}`)
    .join("\n");
}

/** The role mapping box read back, with the first line that is not `value = role`, if any. */
export function parseMapping(text: string): {
  mapping: Record<string, UserRole>;
  problem: FieldError | null;
} {
  const mapping: Record<string, UserRole> = {};
  let problem: FieldError | null = null;
  // Numbered as the box shows them, blank lines included, so the message points at the right one.
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const at = line.lastIndexOf("=");
    if (at <= 0 || at === line.length - 1) {
      problem ??= {
        field: "roleMapping",
        message: `Role mapping line ${index + 1} must be a claim value, then =, then a role`,
      };
      return;
    }
    mapping[line.slice(0, at).trim()] = roleFrom(line.slice(at + 1));
  });
  return { mapping, problem };
}

/** The form's text as the `sso` part of the settings update: an empty secret keeps the stored one. */
export function ssoInput(values: SsoText) {
  const given = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    enabled: values.enabled === "yes",
    issuerUrl: given(values.issuerUrl),
    clientId: given(values.clientId),
    ...(values.clientSecret === "" ? {} : { clientSecret: values.clientSecret }),
    allowedDomains: lines(values.allowedDomains),
    roleClaim: given(values.roleClaim),
    roleMapping: parseMapping(values.roleMapping).mapping,
    defaultRole: values.defaultRole === "" ? null : roleFrom(values.defaultRole),
    createUnknownUsers: values.createUnknownUsers === "yes",
  };
}
