import { randomBytes } from "node:crypto";

import { hashPassword } from "../auth/passwords";
import type { SessionUser } from "../auth/session-user";
import type { AppDeps } from "../context";
import { newId } from "../db/ids";
import { organisations, users, type UserRole } from "../db/schema";
import { seedDemoData } from "./demo-data";
import { seedGovernanceDemo } from "./governance-demo";
import { seedSelfServiceDemo } from "./demo-self-service";
import { seedPartnershipDemo } from "./partnership-demo";

/** The fictional organisation a first run creates so there is something to look at. */
export const DEMO_ORGANISATION = "Northshire Borough Council (demo)";

const DEMO_USERS: readonly { role: UserRole; email: string; name: string }[] = [
  { role: "admin", email: "admin@northshire.example", name: "Avery Admin" },
  { role: "hr", email: "hr@northshire.example", name: "Harper Hughes" },
  { role: "accreditation_lead", email: "lead@northshire.example", name: "Logan Price" },
  { role: "manager", email: "manager@northshire.example", name: "Morgan Ellis" },
  { role: "viewer", email: "viewer@northshire.example", name: "Vic Rowe" },
  // Acts for Northshire Police, one of the partnership's agencies (see partnership-demo.ts).
  { role: "agency_lead", email: "agency-lead@northshire.example", name: "Jordan Blake" },
];

/** The demo users' sign-in details, for printing once. */
export interface SeededDemo {
  organisationName: string;
  users: { role: UserRole; email: string; password: string }[];
}

/**
 * Creates the demo organisation when the database has no organisation at all; does nothing on
 * later runs, so restarting keeps every change people made. It runs as a partnership of agencies
 * unless `partnership` is false (then it is a single council, as before partnerships existed).
 */
export async function seedDemoIfEmpty(
  deps: AppDeps,
  options: { password?: string | undefined; partnership?: boolean | undefined } = {},
): Promise<SeededDemo | undefined> {
  if (deps.db.select({ id: organisations.id }).from(organisations).limit(1).get() !== undefined) {
    return undefined;
  }
  const password = options.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const now = deps.now().toISOString();
  const organisationId = newId();
  const created = deps.db.transaction((tx) => {
    tx.insert(organisations)
      .values({ id: organisationId, name: DEMO_ORGANISATION, createdAt: now })
      .run();
    return DEMO_USERS.map((user) => {
      const sessionUser: SessionUser = { id: newId(), organisationId, ...user, staffId: null };
      tx.insert(users)
        .values({ ...sessionUser, passwordHash, createdAt: now })
        .run();
      return [user.role, sessionUser] as const;
    });
  });
  const demoUsers = Object.fromEntries(created) as Record<UserRole, SessionUser>;
  await seedDemoData(deps, demoUsers);
  seedGovernanceDemo(deps, demoUsers);
  seedSelfServiceDemo(deps, demoUsers);
  if (options.partnership !== false) seedPartnershipDemo(deps, demoUsers);
  return {
    organisationName: DEMO_ORGANISATION,
    users: DEMO_USERS.map((user) => ({ role: user.role, email: user.email, password })),
  };
}
