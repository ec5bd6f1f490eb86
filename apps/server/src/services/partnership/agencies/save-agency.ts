import { and, eq } from "drizzle-orm";

import type { AgencyKind } from "@dapkit/contract";

import type { Queryable } from "../../../db/client";
import { newId } from "../../../db/ids";
import { agencies } from "../../../db/schema";
import { AppError } from "../../../errors";
import { actorOf } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import type { Scope } from "../../scope";
import { savedUniquely } from "../../unique";
import { getAgencyItem, type AgencyItem } from "./agency-items";

/** The fields of an agency that people set. */
export interface AgencyValues {
  name: string;
  kind: AgencyKind;
  member: boolean;
}

function nameConflict(name: string | undefined) {
  return { field: "name", message: `An agency called ${name ?? ""} already exists` };
}

function audit(
  tx: Queryable,
  scope: Scope,
  change: { action: string; id: string; before?: AgencyItem; after: AgencyItem },
): void {
  recordAudit(tx, {
    actor: actorOf(scope.user),
    at: scope.now,
    action: change.action,
    entity: "agency",
    entityId: change.id,
    before: change.before,
    after: change.after,
  });
}

const ofOrganisation = (scope: Scope, id: string) =>
  and(eq(agencies.organisationId, scope.user.organisationId), eq(agencies.id, id));

/** Adds an agency to the partnership. */
export function createAgency(scope: Scope, input: AgencyValues): AgencyItem {
  const id = newId();
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        tx.insert(agencies)
          .values({
            id,
            organisationId: scope.user.organisationId,
            ...input,
            createdAt: scope.now.toISOString(),
          })
          .run();
        const after = getAgencyItem(tx, scope.user, id);
        audit(tx, scope, { action: "create", id, after });
        return after;
      }),
    nameConflict(input.name),
  );
}

/** Changes an agency's name, kind or membership; an archived agency cannot be changed. */
export function updateAgency(
  scope: Scope,
  input: { id: string; data: Partial<AgencyValues> },
): AgencyItem {
  return savedUniquely(
    () =>
      scope.db.transaction((tx) => {
        const before = getAgencyItem(tx, scope.user, input.id);
        if (before.archivedAt != null) {
          throw new AppError("conflict", `${before.name} is archived, so cannot be changed`);
        }
        const changes = Object.fromEntries(
          Object.entries(input.data).filter(([, value]) => value !== undefined),
        );
        if (Object.keys(changes).length === 0) return before;
        tx.update(agencies).set(changes).where(ofOrganisation(scope, input.id)).run();
        const after = getAgencyItem(tx, scope.user, input.id);
        audit(tx, scope, { action: "update", id: input.id, before, after });
        return after;
      }),
    nameConflict(input.data.name),
  );
}

/**
 * Archives an agency: it keeps its people, bookings and charges, but nobody new can be put in it.
 * Archiving one already archived is refused, so the audit log records each archive once.
 */
export function archiveAgency(scope: Scope, input: { id: string }): AgencyItem {
  return scope.db.transaction((tx) => {
    const before = getAgencyItem(tx, scope.user, input.id);
    if (before.archivedAt != null) {
      throw new AppError("conflict", `${before.name} is already archived`);
    }
    tx.update(agencies)
      .set({ archivedAt: scope.now.toISOString() })
      .where(ofOrganisation(scope, input.id))
      .run();
    const after = getAgencyItem(tx, scope.user, input.id);
    audit(tx, scope, { action: "archive", id: input.id, before, after });
    return after;
  });
}
