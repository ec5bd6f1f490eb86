import { and, eq, sql, type SQL } from "drizzle-orm";

import type { SessionUser } from "../../auth/session-user";
import { staff } from "../../db/schema";

/**
 * The staff rows a user may see: their own organisation's and, for a manager, only the people
 * whose manager they are; for an agency lead, only their agency's people. Every staff, nomination
 * and report query filters through this.
 */
export function visibleStaff(user: SessionUser): SQL {
  const organisation = eq(staff.organisationId, user.organisationId);
  if (user.role === "agency_lead") {
    // An agency lead with no agency leads nobody, so sees nobody.
    const agency = user.agencyId == null ? sql`0` : eq(staff.agencyId, user.agencyId);
    return and(organisation, agency) ?? organisation;
  }
  if (user.role !== "manager") return organisation;
  // A manager user not linked to a staff record manages nobody, so sees nobody.
  const team = user.staffId == null ? sql`0` : eq(staff.managerId, user.staffId);
  return and(organisation, team) ?? organisation;
}

/**
 * True for a user who sees some of the organisation's people rather than all: a manager (their
 * team) or an agency lead (their agency). Counts kept for the whole organisation, per department
 * or per manager, do not answer for them.
 */
export function seesSomePeople(user: SessionUser): boolean {
  return user.role === "manager" || user.role === "agency_lead";
}
