import { describeValue } from "@dapkit/schemas";

import { requireKind } from "./require-kind";
import { TrainingRuleError } from "./training-rule-error";

/**
 * One framework requirement rule: people in every agency (`all`), in agencies of one kind, or in
 * one agency, whose job title contains `jobTitleContains` (any job title when it is empty), need
 * the framework level `requiredLevel`.
 *
 * @example
 * const rule: LevelRule = {
 *   scope: "agency_kind",
 *   agencyKind: "police",
 *   jobTitleContains: "officer",
 *   requiredLevel: 2,
 * };
 */
export interface LevelRule {
  readonly scope: "all" | "agency_kind" | "agency";
  readonly agencyKind?: string | null | undefined;
  readonly agencyId?: string | null | undefined;
  readonly jobTitleContains: string;
  readonly requiredLevel: number;
}

/**
 * What the rules read about a person: their job title and their agency (id and kind), or none.
 *
 * @example
 * const person: LevelPerson = { jobTitle: "Police officer", agencyId: "a1", agencyKind: "police" };
 */
export interface LevelPerson {
  readonly jobTitle: string;
  readonly agencyId: string | null;
  readonly agencyKind: string | null;
}

const SCOPES: readonly string[] = ["all", "agency_kind", "agency"];

function fail(message: string): never {
  throw new TrainingRuleError("invalid_input", message);
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== "string") fail(`${field} must be text (got ${describeValue(value)})`);
  return value;
}

function requireId(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    fail(`${field} must be a non-empty identifier (got ${describeValue(value)})`);
  }
  return value;
}

function optionalId(value: unknown, field: string): string | null {
  return value == null ? null : requireId(value, field);
}

// Job titles are typed by people: "Police Officer" and "police officer " are the same job.
function folded(text: string): string {
  return text.trim().toLocaleLowerCase("en-GB");
}

function checkedRule(rule: unknown, field: string): LevelRule {
  requireKind(rule, field, "object");
  const { scope, agencyKind, agencyId, jobTitleContains, requiredLevel } = rule as Record<
    string,
    unknown
  >;
  if (typeof scope !== "string" || !SCOPES.includes(scope)) {
    fail(`${field}.scope must be one of ${SCOPES.join(", ")} (got ${describeValue(scope)})`);
  }
  if (typeof requiredLevel !== "number" || !Number.isInteger(requiredLevel) || requiredLevel < 1) {
    fail(
      `${field}.requiredLevel must be a whole number, 1 or more (got ${describeValue(requiredLevel)})`,
    );
  }
  return {
    scope: scope as LevelRule["scope"],
    agencyKind: scope === "agency_kind" ? requireId(agencyKind, `${field}.agencyKind`) : null,
    agencyId: scope === "agency" ? requireId(agencyId, `${field}.agencyId`) : null,
    jobTitleContains: requireText(jobTitleContains, `${field}.jobTitleContains`),
    requiredLevel,
  };
}

function covers(rule: LevelRule, person: LevelPerson): boolean {
  const agency =
    rule.scope === "all" ||
    (rule.scope === "agency_kind" && rule.agencyKind === person.agencyKind) ||
    (rule.scope === "agency" && rule.agencyId === person.agencyId);
  return agency && folded(person.jobTitle).includes(folded(rule.jobTitleContains));
}

/**
 * The framework levels a person needs: the levels of every rule that covers their agency (every
 * agency, their agency's kind, or their agency itself) and whose words appear in their job title
 * (ignoring case and surrounding spaces; a rule with no words covers every job title). Lowest
 * level first, each once; an empty list when no rule covers them. Throws `TrainingRuleError`
 * (`invalid_input`) naming the field for a person or rule that is not well formed.
 *
 * @example
 * requiredLevels(
 *   { jobTitle: "Police Officer", agencyId: "a1", agencyKind: "police" },
 *   [
 *     { scope: "all", jobTitleContains: "", requiredLevel: 1 },
 *     { scope: "agency_kind", agencyKind: "police", jobTitleContains: "officer", requiredLevel: 2 },
 *     { scope: "agency", agencyId: "a2", jobTitleContains: "", requiredLevel: 3 },
 *   ],
 * ); // [1, 2]
 */
export function requiredLevels(person: LevelPerson, rules: readonly LevelRule[]): number[] {
  requireKind(person, "person", "object");
  requireKind(rules, "rules", "list");
  const checkedPerson: LevelPerson = {
    jobTitle: requireText(person.jobTitle, "person.jobTitle"),
    agencyId: optionalId(person.agencyId, "person.agencyId"),
    agencyKind: optionalId(person.agencyKind, "person.agencyKind"),
  };
  const levels = new Set<number>();
  rules.forEach((rule, index) => {
    const checked = checkedRule(rule, `rules[${String(index)}]`);
    if (covers(checked, checkedPerson)) levels.add(checked.requiredLevel);
  });
  return [...levels].sort((a, b) => a - b);
}
