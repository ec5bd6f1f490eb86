import type { UserRole } from "../db/schema";

/** The signed-in user as every procedure sees them. */
export interface SessionUser {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: UserRole;
  /** A manager's own staff record; their reports are the staff they manage. */
  staffId: string | null;
  /** An agency lead's agency: they act for, and see, its people only. */
  agencyId?: string | null;
}
