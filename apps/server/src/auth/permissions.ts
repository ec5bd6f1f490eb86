import type { UserRole } from "../db/schema";

const ALL: readonly UserRole[] = ["admin", "hr", "accreditation_lead", "manager", "viewer"];

/**
 * Which roles may do what. Procedures and HTTP routes name a permission from here rather than
 * listing roles, so the whole policy reads in one place. Managers are further limited, in the
 * services, to the staff they manage.
 */
export const PERMISSIONS = {
  /** Departments, staff, courses, sessions, nominations and the uptake reports. */
  readTraining: ALL,
  /** Add and change departments, staff, courses and sessions; import staff. */
  manageStaff: ["admin", "hr"],
  /** Nominate staff for a session (managers: their own reports only). */
  nominate: ["admin", "hr", "manager"],
  /** Withdraw a nomination before attendance is marked (managers: their own reports only). */
  cancelNomination: ["admin", "hr", "manager"],
  /** Approve, decline, book, mark attendance, import nominations and attendance. */
  manageTraining: ["admin", "hr"],
  /** Evidence, readiness and the evidence pack. */
  readEvidence: ["admin", "hr", "accreditation_lead", "viewer"],
  /** Add and change evidence, upload files, send for review, approve or reject. */
  manageEvidence: ["admin", "accreditation_lead"],
  /** Review recommendations and their progress. */
  readRecommendations: ["admin", "hr", "accreditation_lead", "viewer"],
  /** Add recommendations, change their status and owner, record progress. */
  manageRecommendations: ["admin", "accreditation_lead"],
  /** Stored funding plans and their computed results. */
  readFunding: ["admin", "hr", "accreditation_lead", "viewer"],
  /** Add and change funding plans. */
  manageFunding: ["admin"],
  /** Users, roles and the audit log. */
  administer: ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Every permission's name. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** The permissions a role has. */
export function permissionsOf(role: UserRole): Permission[] {
  return PERMISSION_NAMES.filter((permission) =>
    (PERMISSIONS[permission] as readonly UserRole[]).includes(role),
  );
}
