import { TrainingRuleError } from "./training-rule-error";

/**
 * A value as an error message can show it without throwing (internal): text, numbers and
 * true/false as they are, anything else by its kind (`String()` fails on an object without a
 * prototype, which would turn a refusal into a TypeError).
 *
 * @example
 * shown(Object.create(null)); // "object"
 */
export function shown(value: unknown): string {
  const plain = ["string", "number", "boolean", "bigint"].includes(typeof value);
  return plain || value == null ? String(value) : typeof value;
}

/**
 * Insists that an argument is an object (not null) or a list, as `kind` says, naming it if not.
 *
 * @example
 * requireKind([], "records", "list"); // passes
 */
export function requireKind(value: unknown, field: string, kind: "object" | "list"): void {
  const isList = Array.isArray(value);
  const ok = kind === "list" ? isList : typeof value === "object" && value != null && !isList;
  if (!ok) {
    throw new TrainingRuleError(
      "invalid_input",
      `${field} must be ${kind === "list" ? "a list" : "an object"} (got ${shown(value)})`,
    );
  }
}
