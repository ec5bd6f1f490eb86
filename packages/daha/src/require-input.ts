import { describeValue } from "@dapkit/schemas";

import { DahaRuleError } from "./daha-rule-error";

/**
 * Insists on an object (not null, not a list), naming the field if not (internal).
 *
 * @example
 * requireObject({}, "input"); // passes
 */
export function requireObject(value: unknown, field: string): asserts value is object {
  if (typeof value !== "object" || value == null || Array.isArray(value)) {
    throw new DahaRuleError(
      "invalid_input",
      `${field} must be an object (got ${describeValue(value)})`,
    );
  }
}

/**
 * Insists on a list of objects each with the given text fields, naming the first at fault (internal).
 *
 * @example
 * requireRecords([{ id: "a" }], "areas", ["id"]); // passes
 */
export function requireRecords(value: unknown, field: string, textFields: readonly string[]): void {
  if (!Array.isArray(value)) {
    throw new DahaRuleError(
      "invalid_input",
      `${field} must be a list (got ${describeValue(value)})`,
    );
  }
  value.forEach((record: unknown, index) => {
    const at = `${field}[${String(index)}]`;
    requireObject(record, at);
    for (const name of textFields) {
      const text = (record as Record<string, unknown>)[name];
      if (typeof text !== "string") {
        throw new DahaRuleError(
          "invalid_input",
          `${at}.${name} must be text (got ${describeValue(text)})`,
        );
      }
    }
  });
}
