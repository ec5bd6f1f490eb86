import type { Permission } from "@dapkit/contract";

import type { Outputs } from "../trpc";

export type { Permission };

/** The signed-in user as auth.me returns them. */
export type CurrentUser = NonNullable<Outputs["auth"]["me"]>;

/** True when the user's role has the permission; the server checks again on every call. */
export function can(
  user: Pick<CurrentUser, "permissions"> | null | undefined,
  permission: Permission,
): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** An item of the service navigation. */
export interface NavItem {
  href: string;
  text: string;
  /** Shown only to users with this permission; left out, to everyone signed in. */
  permission?: Permission;
  /**
   * Shown only when the organisation runs as a partnership, except to users with this permission
   * (who may switch it on).
   */
  partnershipOnlyUnless?: Permission;
}

/** What the navigation needs to know of a user. */
export type NavUser = Pick<CurrentUser, "permissions"> & { runsAsPartnership?: boolean };

/** Every section of the service, in the order the navigation shows them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", text: "Dashboard", permission: "readTraining" },
  { href: "/training", text: "Training", permission: "readTraining" },
  { href: "/staff", text: "Staff", permission: "readTraining" },
  { href: "/accreditation", text: "Accreditation", permission: "readEvidence" },
  { href: "/recommendations", text: "Recommendations", permission: "readRecommendations" },
  { href: "/funding", text: "Funding", permission: "readFunding" },
  {
    href: "/partnership",
    text: "Partnership",
    permission: "readPartnership",
    partnershipOnlyUnless: "managePartnership",
  },
  { href: "/users", text: "Users", permission: "administer" },
  { href: "/audit", text: "Audit log", permission: "administer" },
  { href: "/settings", text: "Settings", permission: "administer" },
  { href: "/my-training", text: "My training", permission: "requestTraining" },
  { href: "/account", text: "My account" },
];

/** The navigation a user sees: only the sections their role may read. */
export function navigationFor(user: NavUser | null | undefined): NavItem[] {
  if (user == null) return [];
  const applies = (item: NavItem) =>
    item.partnershipOnlyUnless === undefined ||
    user.runsAsPartnership === true ||
    can(user, item.partnershipOnlyUnless);
  return NAV_ITEMS.filter(
    (item) => (item.permission === undefined || can(user, item.permission)) && applies(item),
  );
}

/** Which navigation item a path belongs to (the longest matching prefix), for aria-current. */
export function activeNavHref(items: readonly NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) =>
      item.href === "/"
        ? pathname === "/"
        : pathname === item.href || pathname.startsWith(`${item.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
