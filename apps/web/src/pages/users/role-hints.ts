import type { UserRole } from "@dapkit/contract";

/** What each role may do, in a line, to help an administrator choose (the contract decides). */
export const ROLE_HINTS: Readonly<Record<UserRole, string>> = {
  admin: "Everything, including users, the audit log and settings.",
  hr: "Staff, courses, sessions, nominations and attendance; can read evidence and funding.",
  accreditation_lead: "DAHA evidence and recommendations; can read training and funding.",
  manager: "Nominates and follows the training of the people they manage.",
  agency_lead:
    "Nominates, substitutes and cancels for their own agency's people and sees their agency's figures.",
  viewer: "Reads training, evidence, recommendations and funding; changes nothing.",
};
