/** Every role a tracker user can have. */
export const USER_ROLES = [
  "admin",
  "hr",
  "accreditation_lead",
  "manager",
  "agency_lead",
  "viewer",
] as const;

/** A tracker user's role. */
export type UserRole = (typeof USER_ROLES)[number];

/** Each role as people read it, the same on every screen, export and message. */
export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  admin: "Administrator",
  hr: "HR",
  accreditation_lead: "Accreditation lead",
  manager: "Manager",
  agency_lead: "Agency lead",
  viewer: "Viewer",
};

const ALL: readonly UserRole[] = USER_ROLES;

/**
 * Which roles may do what. Every procedure and HTTP route names a permission from here rather than
 * listing roles, so the whole policy reads in one place, and the web app shows only what a role may
 * do. Managers are further limited, by the server, to the staff they manage, and agency leads to
 * their own agency's people and figures.
 */
export const PERMISSIONS = {
  /** Departments, staff, courses, sessions, nominations and the uptake reports. */
  readTraining: ALL,
  /** Add and change departments, staff, courses and sessions; import staff. */
  manageStaff: ["admin", "hr"],
  /**
   * Nominate staff for a session (managers: their own reports only; agency leads: their own
   * agency's people only).
   */
  nominate: ["admin", "hr", "manager", "agency_lead"],
  /**
   * Withdraw a nomination before attendance is marked, or send a substitute in a booked person's
   * place (managers: their own reports only; agency leads: their own agency's people only).
   */
  cancelNomination: ["admin", "hr", "manager", "agency_lead"],
  /**
   * See one's own training (My training) and ask for a place on a session: anyone whose account is
   * linked to their staff record.
   */
  requestTraining: ALL,
  /** Approve or decline the training requests of the people one line-manages (their own team only). */
  decideTrainingRequests: ["admin", "hr", "manager"],
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
  /**
   * A partnership's figures: attendance, charges, programme costs and evaluation by agency, and
   * the board's report (agency leads: their own agency only).
   */
  readPartnership: ["admin", "hr", "accreditation_lead", "agency_lead", "viewer"],
  /**
   * Run the partnership: member agencies, the charging policy, programme costs, the training
   * framework and its rules, and waiving a charge.
   */
  managePartnership: ["admin", "hr"],
  /** Users, roles and the audit log. */
  administer: ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

/** The name of one permission. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission's name. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/** True when `role` has `permission`. */
export function roleCan(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

/** The permissions a role has. */
export function permissionsOf(role: UserRole): Permission[] {
  return PERMISSION_NAMES.filter((permission) => roleCan(role, permission));
}
