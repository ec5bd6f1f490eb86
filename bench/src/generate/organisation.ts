import { hashPassword, newId, tables, type Db, type SessionUser } from "../server";

/** The password of every user the generator creates (the benchmarks sign in over HTTP with it). */
export const BENCH_PASSWORD = "benchmark password, not for production";

const ROLES = ["admin", "hr", "accreditation_lead", "manager", "viewer"] as const;

/** The users of a generated organisation, one per role. */
export type BenchUsers = Record<(typeof ROLES)[number], SessionUser>;

/** An organisation the generator made, with its users. */
export interface BenchOrganisation {
  id: string;
  name: string;
  users: BenchUsers;
}

/**
 * Creates an organisation with one user per role. There is no service for this (a tracker gets
 * its organisation from the demo seed or an operator), so it writes the two rows as the seed does.
 */
export async function createOrganisation(
  db: Db,
  options: { name: string; slug: string; now: Date },
): Promise<BenchOrganisation> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const id = newId();
  const createdAt = options.now.toISOString();
  const users = db.transaction((tx) => {
    tx.insert(tables.organisations).values({ id, name: options.name, createdAt }).run();
    return ROLES.map((role) => {
      const user: SessionUser = {
        id: newId(),
        organisationId: id,
        email: `${role.replace("_", "-")}@${options.slug}.example`,
        name: `${options.name} ${role}`,
        role,
        staffId: null,
      };
      tx.insert(tables.users)
        .values({ ...user, passwordHash, createdAt })
        .run();
      return [role, user] as const;
    });
  });
  return { id, name: options.name, users: Object.fromEntries(users) as BenchUsers };
}
