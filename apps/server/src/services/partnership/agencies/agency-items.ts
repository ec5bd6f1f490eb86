import { and, asc, count, eq, inArray, isNull, type SQL } from "drizzle-orm";

import type { SessionUser } from "../../../auth/session-user";
import type { Queryable } from "../../../db/client";
import { agencies, staff } from "../../../db/schema";
import { found } from "../../../errors";
import { visibleAgency } from "./agency-scope";

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  kind: agencies.kind,
  member: agencies.member,
  createdAt: agencies.createdAt,
  archivedAt: agencies.archivedAt,
};

/**
 * The agencies a user may see: their organisation's and, for an agency lead, only their own (one
 * with no agency sees none).
 */
export function visibleAgencies(user: SessionUser): SQL {
  const organisation = eq(agencies.organisationId, user.organisationId);
  return and(organisation, visibleAgency(user, agencies.id)) ?? organisation;
}

type AgencyRow = ReturnType<ReturnType<typeof selectAgencyRows>["all"]>[number];

/** An agency as the API shows it, with how many active people work for it. */
export type AgencyItem = AgencyRow & { people: number };

function selectAgencyRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(agencyColumns)
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.name), asc(agencies.id));
}

// The agencies with their active people counted, in one grouped query over the staff index.
function selectAgencyItems(db: Queryable, user: SessionUser, where: SQL | undefined): AgencyItem[] {
  const rows = selectAgencyRows(db, and(visibleAgencies(user), where)).all();
  if (rows.length === 0) return [];
  const counts = db
    .select({ agencyId: staff.agencyId, people: count() })
    .from(staff)
    .where(
      and(
        eq(staff.organisationId, user.organisationId),
        eq(staff.active, true),
        inArray(
          staff.agencyId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .groupBy(staff.agencyId)
    .all();
  const people = new Map(counts.map((row) => [row.agencyId, row.people]));
  return rows.map((row) => ({ ...row, people: people.get(row.id) ?? 0 }));
}

/** The agencies the user may see, by name: current ones, or archived ones too. */
export function listAgencies(
  db: Queryable,
  user: SessionUser,
  input: { includeArchived: boolean },
): AgencyItem[] {
  return selectAgencyItems(
    db,
    user,
    input.includeArchived ? undefined : isNull(agencies.archivedAt),
  );
}

/** One agency the user may see, or not found. */
export function getAgencyItem(db: Queryable, user: SessionUser, id: string): AgencyItem {
  return found(selectAgencyItems(db, user, eq(agencies.id, id))[0], "Agency");
}
