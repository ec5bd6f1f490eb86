import { describeValue } from "@dapkit/schemas";

import { TrainingRuleError } from "./training-rule-error";

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
      `${field} must be ${kind === "list" ? "a list" : "an object"} (got ${describeValue(value)})`,
    );
  }
}
