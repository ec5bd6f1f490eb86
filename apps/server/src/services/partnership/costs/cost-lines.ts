import { and, asc, eq } from "drizzle-orm";

import type { ProgrammeCostCategory, ProgrammeCostOutput } from "@dapkit/contract";

import type { Queryable } from "../../../db/client";
import { newId } from "../../../db/ids";
import { programmeCosts } from "../../../db/schema";
import { found } from "../../../errors";
import { actorOf } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import { givenFields } from "../../patch";
import type { Scope } from "../../scope";

const lineColumns = {
  id: programmeCosts.id,
  financialYearStart: programmeCosts.financialYearStart,
  category: programmeCosts.category,
  description: programmeCosts.description,
  amountPence: programmeCosts.amountPence,
  createdAt: programmeCosts.createdAt,
};

/** One financial year's cost lines, by category then as entered. */
export function costLinesOf(
  db: Queryable,
  organisationId: string,
  financialYearStart: number,
): ProgrammeCostOutput[] {
  return db
    .select(lineColumns)
    .from(programmeCosts)
    .where(
      and(
        eq(programmeCosts.organisationId, organisationId),
        eq(programmeCosts.financialYearStart, financialYearStart),
      ),
    )
    .orderBy(asc(programmeCosts.category), asc(programmeCosts.createdAt), asc(programmeCosts.id))
    .all();
}

function readLine(db: Queryable, organisationId: string, id: string): ProgrammeCostOutput {
  const line = db
    .select(lineColumns)
    .from(programmeCosts)
    .where(and(eq(programmeCosts.organisationId, organisationId), eq(programmeCosts.id, id)))
    .get();
  return found(line, "Programme cost");
}

/** Records a cost line (trainers, venues, materials or other) against a financial year. */
export function addProgrammeCost(
  scope: Scope,
  input: {
    financialYearStart: number;
    category: ProgrammeCostCategory;
    description: string;
    amountPence: number;
  },
): ProgrammeCostOutput {
  const { db, user, now } = scope;
  const id = newId();
  return db.transaction((tx) => {
    tx.insert(programmeCosts)
      .values({
        id,
        organisationId: user.organisationId,
        ...input,
        createdAt: now.toISOString(),
        createdBy: user.id,
      })
      .run();
    const created = readLine(tx, user.organisationId, id);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "programme_cost",
      entityId: id,
      after: created,
    });
    return created;
  });
}

/** Changes a cost line's category, description or amount (its year stays). */
export function updateProgrammeCost(
  scope: Scope,
  input: {
    id: string;
    data: { category?: ProgrammeCostCategory; description?: string; amountPence?: number };
  },
): ProgrammeCostOutput {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const before = readLine(tx, user.organisationId, input.id);
    const changes = givenFields(input.data);
    if (Object.keys(changes).length === 0) return before;
    tx.update(programmeCosts)
      .set(changes)
      .where(
        and(
          eq(programmeCosts.organisationId, user.organisationId),
          eq(programmeCosts.id, input.id),
        ),
      )
      .run();
    const after = readLine(tx, user.organisationId, input.id);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "programme_cost",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

/** Removes a cost line; the audit log keeps what it was. */
export function removeProgrammeCost(scope: Scope, input: { id: string }): { id: string } {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const before = readLine(tx, user.organisationId, input.id);
    tx.delete(programmeCosts)
      .where(
        and(
          eq(programmeCosts.organisationId, user.organisationId),
          eq(programmeCosts.id, input.id),
        ),
      )
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "delete",
      entity: "programme_cost",
      entityId: input.id,
      before,
    });
    return { id: input.id };
  });
}
