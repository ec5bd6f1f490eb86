import { USER_ROLES, type UserRole } from "@dapkit/contract";

/** How an organisation turns an ID token's claims into a role for a new user. */
export interface RoleRules {
  roleClaim: string | null;
  roleMapping: Record<string, UserRole>;
  defaultRole: UserRole | null;
}

// A claim may be one value (`"hr"`) or a list (`["g1", "g2"]`, as Entra ID sends groups).
function claimValues(claim: unknown): string[] {
  if (typeof claim === "string") return [claim];
  if (Array.isArray(claim)) return claim.filter((value) => typeof value === "string");
  return [];
}

/**
 * The role for someone signing in for the first time: of the claim's values that the mapping
 * names, the role that comes first in USER_ROLES (the most trusted), else the default role; null
 * when neither gives one, and the sign-in is refused.
 */
export function chooseRole(claims: Record<string, unknown>, rules: RoleRules): UserRole | null {
  if (rules.roleClaim != null) {
    const mapped = new Set(
      claimValues(claims[rules.roleClaim]).flatMap((value) =>
        Object.hasOwn(rules.roleMapping, value) ? [rules.roleMapping[value]] : [],
      ),
    );
    const role = USER_ROLES.find((candidate) => mapped.has(candidate));
    if (role !== undefined) return role;
  }
  return rules.defaultRole;
}
