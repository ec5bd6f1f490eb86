import { and, asc, eq } from "drizzle-orm";

import { passwordHashing } from "../../auth/hashing-gate";
import { assertStrongPassword, hashPassword } from "../../auth/passwords";
import type { SessionUser } from "../../auth/session-user";
import { deleteUserSessions } from "../../auth/session-store";
import type { Queryable } from "../../db/client";
import { newId } from "../../db/ids";
import { staff, users, type UserRole } from "../../db/schema";
import { AppError, found } from "../../errors";
import { actorOf } from "../actor";
import { assertCurrentAgency } from "../partnership/agencies/agency-reference";
import { revokeUserTokens } from "../tokens/manage-tokens";
import { recordAudit } from "../audit/record-audit";
import type { Scope } from "../scope";
import { isUniqueViolation } from "../sqlite-errors";
import { publicUserColumns } from "./user-columns";
import { staffIdByEmail } from "../self-service/staff-by-email";

export type PublicUser = ReturnType<typeof listUsers>[number];

/** Every user of an organisation. */
export function listUsers(db: Queryable, organisationId: string) {
  return db
    .select(publicUserColumns)
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.name))
    .all();
}

/** One user of an organisation, as the API shows them; not found if in another organisation. */
export function getUser(db: Queryable, organisationId: string, id: string): PublicUser {
  return found(
    db
      .select(publicUserColumns)
      .from(users)
      .where(and(eq(users.organisationId, organisationId), eq(users.id, id)))
      .get(),
    "User",
  );
}

/** Refuses a staff record from another organisation (or none at all). */
export function assertStaffInOrganisation(
  db: Queryable,
  organisationId: string,
  staffId: string | null,
): void {
  if (staffId == null) return;
  const row = db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.organisationId, organisationId), eq(staff.id, staffId)))
    .get();
  if (row === undefined) {
    throw new AppError("bad_request", "Choose a member of staff from your organisation", {
      field: "staffId",
    });
  }
}

/**
 * An agency lead acts for exactly one of the organisation's current agencies; no other role has
 * one, so a user cannot keep a stale agency that would scope them again if made a lead later.
 */
function assertLeadAgency(
  db: Queryable,
  organisationId: string,
  user: { role: UserRole; agencyId: string | null },
): void {
  if (user.role !== "agency_lead") {
    if (user.agencyId != null) {
      throw new AppError("bad_request", "Only an agency lead has an agency", { field: "agencyId" });
    }
    return;
  }
  if (user.agencyId == null) {
    throw new AppError("bad_request", "Choose the agency this agency lead acts for", {
      field: "agencyId",
    });
  }
  assertCurrentAgency(db, organisationId, user.agencyId);
}

/**
 * Hashes a new password once it passes the deny list, within the admin's share of hashing (see
 * HashingGate), so a batch of user changes cannot tie up the server's password work.
 */
function hashNewPassword(admin: SessionUser, password: string): Promise<string> {
  assertStrongPassword(password);
  return passwordHashing.run(`user:${admin.id}`, () => hashPassword(password));
}

// Sign-in is by email alone, so an address is unique across every organisation. The refusal must
// not tell one council that another has the address, so it is the same wherever the address is
// in use, and says only that it cannot be used (an admin can see their own organisation's users).
export const EMAIL_UNAVAILABLE =
  "This email address cannot be used for a new user. If the person is already in your list of " +
  "users, change their account instead.";

/** A new user's details, as an administrator gives them. */
export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  staffId: string | null;
  /** An agency lead's agency (see assertLeadAgency). */
  agencyId: string | null;
}

/**
 * Adds a user to the admin's organisation with `passwordHash` (null for one invited to choose
 * their own) and audits it; `then` runs in the same transaction with the new user, so what it
 * does (issuing an invitation link) happens only if the user is added.
 */
export function addUser<T>(
  scope: Scope,
  input: NewUser & { passwordHash: string | null },
  then: (tx: Queryable, created: PublicUser) => T,
): T {
  const { db, user: admin, now } = scope;
  const id = newId();
  try {
    return db.transaction((tx) => {
      assertStaffInOrganisation(tx, admin.organisationId, input.staffId);
      assertLeadAgency(tx, admin.organisationId, input);
      tx.insert(users)
        .values({
          id,
          organisationId: admin.organisationId,
          email: input.email,
          name: input.name,
          role: input.role,
          staffId: input.staffId ?? staffIdByEmail(tx, admin.organisationId, input.email),
          agencyId: input.agencyId,
          passwordHash: input.passwordHash,
          createdAt: now.toISOString(),
        })
        .run();
      const created = getUser(tx, admin.organisationId, id);
      recordAudit(tx, {
        actor: actorOf(admin),
        at: now,
        action: input.passwordHash == null ? "invite" : "create",
        entity: "user",
        entityId: id,
        after: created,
      });
      return then(tx, created);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("conflict", EMAIL_UNAVAILABLE, { field: "email", cause: error });
    }
    throw error;
  }
}

/** Adds a user to the admin's organisation with a password the admin chose. */
export async function createUser(
  scope: Scope,
  input: NewUser & { password: string },
): Promise<PublicUser> {
  const passwordHash = await hashNewPassword(scope.user, input.password);
  return addUser(scope, { ...input, passwordHash }, (_tx, created) => created);
}

/** Changes a user's name, role, staff record or whether they can sign in. */
export function updateUser(
  scope: Scope,
  input: {
    id: string;
    data: {
      name?: string;
      role?: UserRole;
      active?: boolean;
      staffId?: string | null;
      agencyId?: string | null;
    };
  },
): PublicUser {
  const { db, user: admin, now } = scope;
  if (input.id === admin.id && (input.data.role !== undefined || input.data.active === false)) {
    // Otherwise the last admin could lock everyone out of user management.
    throw new AppError("bad_request", "You cannot change your own role or deactivate yourself", {
      field: input.data.role === undefined ? "active" : "role",
    });
  }
  return db.transaction((tx) => {
    const before = getUser(tx, admin.organisationId, input.id);
    if (input.data.staffId !== undefined) {
      assertStaffInOrganisation(tx, admin.organisationId, input.data.staffId);
    }
    // A lead keeps their agency through other changes; one changed to another role loses it.
    const role = input.data.role ?? before.role;
    const agencyId =
      input.data.agencyId !== undefined || role === "agency_lead"
        ? (input.data.agencyId ?? before.agencyId)
        : null;
    if (agencyId !== before.agencyId || role !== before.role) {
      assertLeadAgency(tx, admin.organisationId, { role, agencyId });
    }
    // A field sent as undefined is left as it is, like one left out (drizzle refuses an empty set).
    const changes = Object.fromEntries(
      Object.entries({ ...input.data, agencyId }).filter(
        ([field, value]) =>
          value !== undefined && (field !== "agencyId" || value !== before.agencyId),
      ),
    );
    if (Object.keys(changes).length > 0) {
      tx.update(users)
        .set(changes)
        .where(and(eq(users.organisationId, admin.organisationId), eq(users.id, input.id)))
        .run();
    }
    const after = getUser(tx, admin.organisationId, input.id);
    // A changed role or agency, or a deactivation, takes effect now, not when the old session
    // expires.
    if (
      before.role !== after.role ||
      before.active !== after.active ||
      before.agencyId !== after.agencyId
    )
      deleteUserSessions(tx, input.id);
    // A deactivated user's API tokens are revoked too, so reactivating them revives none.
    if (before.active && !after.active) revokeUserTokens(tx, input.id, now);
    recordAudit(tx, {
      actor: actorOf(admin),
      at: now,
      action: "update",
      entity: "user",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

/** Sets a new password for a user and signs them out everywhere. */
export async function setPassword(
  scope: Scope,
  input: { id: string; password: string },
): Promise<{ id: string }> {
  const { db, user: admin, now } = scope;
  const passwordHash = await hashNewPassword(admin, input.password);
  db.transaction((tx) => {
    getUser(tx, admin.organisationId, input.id);
    tx.update(users)
      .set({ passwordHash })
      .where(and(eq(users.organisationId, admin.organisationId), eq(users.id, input.id)))
      .run();
    deleteUserSessions(tx, input.id);
    recordAudit(tx, {
      actor: actorOf(admin),
      at: now,
      action: "set_password",
      entity: "user",
      entityId: input.id,
    });
  });
  return { id: input.id };
}
