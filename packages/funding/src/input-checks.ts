import { describeValue } from "@dapkit/schemas";

import { FundingInputError, type FundingInputErrorCode } from "./errors";

/** Throws `FundingInputError` unless `value` is a plain object (a required argument, unlike options). */
export function requireObject(value: unknown, field: string): void {
  if (value === undefined) {
    throw new FundingInputError("invalid_argument", `${field} is required, got nothing`, {
      field,
    });
  }
  requireOptions(value, field);
}

/**
 * Insists that an options argument is an object or left out, naming it if not (internal): a
 * default parameter stands in for undefined only, so `null` would otherwise fail as a TypeError.
 *
 * @example
 * requireOptions({ style: "pounds" }, "options"); // passes
 */
export function requireOptions(value: unknown, field: string): void {
  if (
    value === undefined ||
    (typeof value === "object" && value != null && !Array.isArray(value))
  ) {
    return;
  }
  throw new FundingInputError(
    "invalid_argument",
    `${field} must be an object, got ${describeValue(value)}`,
    {
      field,
    },
  );
}

/**
 * Insists on a safe integer number of pence, naming the field if not (internal).
 *
 * @example
 * requirePence(150, "costPence"); // 150
 */
export function requirePence(
  value: unknown,
  field: string,
  options: { allowNegative?: boolean; code?: FundingInputErrorCode } = {},
): number {
  const code = options.code ?? "invalid_money";
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new FundingInputError(
      code,
      `${field} must be a whole number of pence within the safe integer range, got ${describeValue(value)}`,
      { field },
    );
  }
  if (value < 0 && options.allowNegative !== true) {
    throw new FundingInputError(code, `${field} must not be negative, got ${String(value)}`, {
      field,
    });
  }
  return value === 0 ? 0 : value;
}

/**
 * Insists on a finite number, optionally above zero or not below it, naming the field if not (internal).
 *
 * @example
 * requireNumber(150000, "adultFemalePopulation", { bound: "positive" }); // 150000
 */
export function requireNumber(
  value: unknown,
  field: string,
  options: { bound: "positive" | "non-negative"; code?: FundingInputErrorCode },
): number {
  const code = options.code ?? "invalid_argument";
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new FundingInputError(
      code,
      `${field} must be a finite number, got ${describeValue(value)}`,
      {
        field,
      },
    );
  }
  if (options.bound === "positive" && value <= 0) {
    throw new FundingInputError(code, `${field} must be greater than 0, got ${String(value)}`, {
      field,
    });
  }
  if (value < 0) {
    throw new FundingInputError(code, `${field} must not be negative, got ${String(value)}`, {
      field,
    });
  }
  return value === 0 ? 0 : value;
}

/**
 * Insists on a list, naming the field if not (internal).
 *
 * @example
 * requireList([1], "shares"); // [1]
 */
export function requireList(
  value: unknown,
  field: string,
  code: FundingInputErrorCode = "invalid_argument",
): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new FundingInputError(code, `${field} must be a list, got ${describeValue(value)}`, {
      field,
    });
  }
  return value;
}

/**
 * Insists on a non-empty text key that has not been seen before in the same list (internal).
 *
 * @example
 * requireUniqueKey("nhs", "shares[0].key", { seen: new Set() }); // "nhs"
 */
export function requireUniqueKey(
  value: unknown,
  field: string,
  context: { seen: Set<string>; code?: FundingInputErrorCode },
): string {
  const code = context.code ?? "invalid_argument";
  if (typeof value !== "string" || value.trim() === "") {
    throw new FundingInputError(
      code,
      `${field} must be a non-empty text key, got ${describeValue(value)}`,
      { field },
    );
  }
  if (context.seen.has(value)) {
    throw new FundingInputError(
      code,
      `${field} ${JSON.stringify(value)} is used twice; every key must be different`,
      { field },
    );
  }
  context.seen.add(value);
  return value;
}
