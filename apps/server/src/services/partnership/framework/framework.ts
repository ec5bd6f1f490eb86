import { and, asc, eq } from "drizzle-orm";

import type { LevelRuleOutput, TrainingFrameworkOutput } from "@dapkit/contract";

import type { Queryable } from "../../../db/client";
import { newId } from "../../../db/ids";
import {
  agencies,
  frameworkLevels,
  levelRequirements,
  trainingFrameworks,
} from "../../../db/schema";
import { AppError, found } from "../../../errors";
import { actorOf } from "../../actor";
import { recordAudit } from "../../audit/record-audit";
import type { Scope } from "../../scope";

/** The framework's levels, lowest first. */
export function levelsOf(db: Queryable, organisationId: string) {
  return db
    .select({
      level: frameworkLevels.level,
      name: frameworkLevels.name,
      defaultRefresherMonths: frameworkLevels.defaultRefresherMonths,
    })
    .from(frameworkLevels)
    .where(eq(frameworkLevels.organisationId, organisationId))
    .orderBy(asc(frameworkLevels.level))
    .all();
}

/** The requirement rules, by level then as added, with the named agency's name. */
export function rulesOf(db: Queryable, organisationId: string): LevelRuleOutput[] {
  return db
    .select({
      id: levelRequirements.id,
      scope: levelRequirements.scope,
      agencyKind: levelRequirements.agencyKind,
      agencyId: levelRequirements.agencyId,
      agencyName: agencies.name,
      jobTitleContains: levelRequirements.jobTitleContains,
      requiredLevel: levelRequirements.requiredLevel,
    })
    .from(levelRequirements)
    .leftJoin(
      agencies,
      and(
        eq(agencies.organisationId, levelRequirements.organisationId),
        eq(agencies.id, levelRequirements.agencyId),
      ),
    )
    .where(eq(levelRequirements.organisationId, organisationId))
    .orderBy(
      asc(levelRequirements.requiredLevel),
      asc(levelRequirements.createdAt),
      asc(levelRequirements.id),
    )
    .all();
}

function readFramework(db: Queryable, organisationId: string): TrainingFrameworkOutput {
  const framework = db
    .select({ name: trainingFrameworks.name })
    .from(trainingFrameworks)
    .where(eq(trainingFrameworks.organisationId, organisationId))
    .get();
  return {
    name: framework?.name ?? null,
    levels: levelsOf(db, organisationId),
    rules: rulesOf(db, organisationId),
  };
}

/** The organisation's training framework, its levels and who needs which level. */
export function getTrainingFramework(scope: Scope): TrainingFrameworkOutput {
  return readFramework(scope.db, scope.user.organisationId);
}

/**
 * Names the framework and replaces its levels. A level that a requirement rule still needs cannot
 * go: remove the rule first (courses keep their level number whatever the framework says).
 */
export function saveTrainingFramework(
  scope: Scope,
  input: Pick<TrainingFrameworkOutput, "levels"> & { name: string },
): TrainingFrameworkOutput {
  const { db, user, now } = scope;
  const { organisationId } = user;
  const kept = input.levels.map((row) => row.level);
  return db.transaction((tx) => {
    const before = readFramework(tx, organisationId);
    const needed = before.rules.find((rule) => !kept.includes(rule.requiredLevel));
    if (needed !== undefined) {
      throw new AppError(
        "bad_request",
        `Level ${String(needed.requiredLevel)} is needed by a requirement rule: remove the rule before the level`,
        { field: "levels" },
      );
    }
    const at = now.toISOString();
    tx.insert(trainingFrameworks)
      .values({ organisationId, name: input.name, updatedAt: at })
      .onConflictDoUpdate({
        target: trainingFrameworks.organisationId,
        set: { name: input.name, updatedAt: at },
      })
      .run();
    tx.delete(frameworkLevels).where(eq(frameworkLevels.organisationId, organisationId)).run();
    tx.insert(frameworkLevels)
      .values(input.levels.map((row) => ({ id: newId(), organisationId, ...row })))
      .run();
    const after = readFramework(tx, organisationId);
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "update",
      entity: "training_framework",
      entityId: organisationId,
      before: { name: before.name, levels: before.levels },
      after: { name: after.name, levels: after.levels },
    });
    return after;
  });
}

/** Adds a requirement rule for a level of the framework, in a scope of the organisation's agencies. */
export function addLevelRule(
  scope: Scope,
  input: Omit<LevelRuleOutput, "id" | "agencyName">,
): LevelRuleOutput {
  const { db, user, now } = scope;
  const { organisationId } = user;
  const id = newId();
  return db.transaction((tx) => {
    const levels = levelsOf(tx, organisationId).map((row) => row.level);
    if (!levels.includes(input.requiredLevel)) {
      throw new AppError("bad_request", "Choose a level of your training framework", {
        field: "requiredLevel",
      });
    }
    if (input.scope === "agency") {
      const agency = tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(
          and(eq(agencies.organisationId, organisationId), eq(agencies.id, input.agencyId ?? "")),
        )
        .get();
      if (agency === undefined) {
        throw new AppError("bad_request", "Choose one of your partnership's agencies", {
          field: "agencyId",
        });
      }
    }
    tx.insert(levelRequirements)
      .values({
        id,
        organisationId,
        scope: input.scope,
        // Only the field the scope reads is kept, so a rule never names an agency it ignores.
        agencyKind: input.scope === "agency_kind" ? input.agencyKind : null,
        agencyId: input.scope === "agency" ? input.agencyId : null,
        jobTitleContains: input.jobTitleContains,
        requiredLevel: input.requiredLevel,
        createdAt: now.toISOString(),
      })
      .run();
    const created = found(
      rulesOf(tx, organisationId).find((rule) => rule.id === id),
      "Requirement rule",
    );
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "create",
      entity: "level_requirement",
      entityId: id,
      after: created,
    });
    return created;
  });
}

/** Removes a requirement rule; the audit log keeps what it said. */
export function removeLevelRule(scope: Scope, input: { id: string }): { id: string } {
  const { db, user, now } = scope;
  return db.transaction((tx) => {
    const before = rulesOf(tx, user.organisationId).find((rule) => rule.id === input.id);
    if (before === undefined) throw new AppError("not_found", "Requirement rule not found");
    tx.delete(levelRequirements)
      .where(
        and(
          eq(levelRequirements.organisationId, user.organisationId),
          eq(levelRequirements.id, input.id),
        ),
      )
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      at: now,
      action: "delete",
      entity: "level_requirement",
      entityId: input.id,
      before,
    });
    return { id: input.id };
  });
}
