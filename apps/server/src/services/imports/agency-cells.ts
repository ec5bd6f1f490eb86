import { eq } from "drizzle-orm";

import type { IssueList } from "@dapkit/csv";

import type { Queryable } from "../../db/client";
import { agencies } from "../../db/schema";
import { runsAsPartnership } from "../partnership/agencies/agency-reference";
import type { Scope } from "../scope";

/**
 * Reads a staff file's agency column: an agency's name, in any case. An unknown name, an archived
 * agency (unless the person is already in it) and, in a partnership, a blank are each a problem
 * on their line; outside a partnership a blank means no agency.
 */
export function agencyResolver(tx: Queryable, scope: Scope) {
  const partnership = runsAsPartnership(tx, scope.user.organisationId);
  const rows = tx
    .select({ id: agencies.id, name: agencies.name, archivedAt: agencies.archivedAt })
    .from(agencies)
    .where(eq(agencies.organisationId, scope.user.organisationId))
    .all();
  const byName = new Map(rows.map((row) => [row.name.toLowerCase(), row]));
  return {
    idOf(
      row: { line: number; value: { agency: string | null } },
      before: { agencyId: string | null } | undefined,
      issues: IssueList,
    ): string | null {
      const name = row.value.agency;
      const problem = (message: string) => {
        issues.add({ line: row.line, column: "agency", message });
        return null;
      };
      if (name == null) {
        return partnership ? problem("Give the agency this person works for") : null;
      }
      const agency = byName.get(name.toLowerCase());
      if (agency === undefined) return problem(`No agency of your partnership is called ${name}`);
      if (agency.archivedAt != null && before?.agencyId !== agency.id) {
        return problem(`${agency.name} is archived, so nobody new can be put in it`);
      }
      return agency.id;
    },
  };
}
