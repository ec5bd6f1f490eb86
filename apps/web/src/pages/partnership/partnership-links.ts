import type { Permission } from "../../lib/permissions";

/** A page of the partnership area, as its landing page lists it. */
export interface PartnershipLink {
  href: string;
  title: string;
  description: string;
  /** Listed only for users with this permission. */
  permission: Permission;
}

/** The partnership area's pages, in the order the landing page lists them: add new ones here. */
export const PARTNERSHIP_LINKS: readonly PartnershipLink[] = [
  {
    href: "/partnership/agencies",
    title: "Agencies",
    description:
      "The partnership's agencies, whether each is a member, and how many people work for it.",
    permission: "readPartnership",
  },
];
