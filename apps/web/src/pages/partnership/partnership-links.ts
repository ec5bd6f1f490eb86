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
  {
    href: "/partnership/costs",
    title: "Programme costs",
    description:
      "The shared programme's trainers, venues and materials by financial year, each member agency's share, the budget against spend and the cost per attendee.",
    permission: "readPartnership",
  },
  {
    href: "/partnership/framework",
    title: "Framework and compliance",
    description:
      "The training framework's levels, who needs which level, and how many people in each agency are trained in date.",
    permission: "readPartnership",
  },
  {
    href: "/partnership/board-report",
    title: "Board report",
    description:
      "Attendance by agency and the board's other figures for a financial year or quarter, to download or include in a committee paper.",
    permission: "readPartnership",
  },
  {
    href: "/partnership/evaluation",
    title: "Evaluation",
    description:
      "Confidence in each course's learning outcomes before, straight after and 6 to 8 weeks after a session, by course and agency, with comments.",
    permission: "readPartnership",
  },
  {
    href: "/partnership/charging-policy",
    title: "Charging policy",
    description:
      "What agencies are charged for late cancellations and no-shows, the notice period in working days, and the bank holidays it skips.",
    permission: "readPartnership",
  },
  {
    href: "/partnership/charges",
    title: "Charges",
    description:
      "Charges by agency for a financial year or quarter, waivers with their reasons, and an invoice-ready download per agency.",
    permission: "readPartnership",
  },
];
