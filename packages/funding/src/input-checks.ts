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
 * Insists on a safe integer number of pence, naming the field if not (internal); the name may be a
 * function, called only when the value is refused.
 *
 * @example
 * requirePence(150, "costPence"); // 150
 */
export function requirePence(
  value: unknown,
  field: string | (() => string),
  options: { allowNegative?: boolean; code?: FundingInputErrorCode } = {},
): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) {
    if (value < 0 && options.allowNegative !== true) {
      const name = nameOf(field);
      throw new FundingInputError(
        options.code ?? "invalid_money",
        `${name} must not be negative, got ${String(value)}`,
        { field: name },
      );
    }
    return value === 0 ? 0 : value;
  }
  const name = nameOf(field);
  throw new FundingInputError(
    options.code ?? "invalid_money",
    `${name} must be a whole number of pence within the safe integer range, got ${describeValue(value)}`,
    { field: name },
  );
}

// A field's name may be given as a function, so a long list builds it only for the item at fault.
function nameOf(field: string | (() => string)): string {
  return typeof field === "string" ? field : field();
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
 * The keys of one list seen so far, to refuse a repeat (internal; a `Set<string>` is one). A key
 * is new when adding it grows the size: one lookup rather than `has` then `add`.
 *
 * @example
 * const seen: KeySet = new Set<string>();
 */
export interface KeySet {
  readonly size: number;
  add(key: string): unknown;
}

// V8 keeps a Set's table outside its ordinary heap once the table passes 128 KB, about 4,000
// entries, and allocating it there is costly: one Set of 10,000 keys took 5 ms on the development
// machine, 16 Sets of 625 keys 0.5 ms. Longer lists spread their keys over Sets of about 1,000.
const KEYS_PER_SET = 1_024;

class ShardedKeySet implements KeySet {
  private readonly sets = new Map<number, Set<string>>();
  size = 0;

  constructor(private readonly count: number) {}

  // Keys often differ only at the end (partner-1, partner-2, …), so the last four characters and
  // the length pick the Set; a poor spread only slows this down, as equal keys always meet.
  private setOf(key: string): Set<string> {
    let hash = key.length;
    for (let index = key.length - 1; index >= 0 && index >= key.length - 4; index -= 1) {
      hash = (hash * 31 + key.charCodeAt(index)) | 0;
    }
    const shard = (hash >>> 0) % this.count;
    let set = this.sets.get(shard);
    if (set === undefined) {
      set = new Set<string>();
      this.sets.set(shard, set);
    }
    return set;
  }

  add(key: string): void {
    const set = this.setOf(key);
    const before = set.size;
    set.add(key);
    this.size += set.size - before;
  }
}

/**
 * A set for checking that the keys of a list of `length` items are all different (internal): a
 * plain Set for a short list, Sets of about a thousand keys each for a long one.
 *
 * @example
 * const seen = keySetFor(shares.length);
 */
export function keySetFor(length: number): KeySet {
  return length <= 2 * KEYS_PER_SET
    ? new Set<string>()
    : new ShardedKeySet(Math.ceil(length / KEYS_PER_SET));
}

/**
 * Whether a value is a non-empty text key not seen before in the same list, adding it if so
 * (internal): the quick check a long list makes of every key, leaving {@link requireUniqueKey} to
 * name what is wrong with the one that fails.
 *
 * @example
 * isNewKey("nhs", new Set()); // true
 */
export function isNewKey(value: unknown, seen: KeySet): value is string {
  if (typeof value !== "string" || value.trim() === "") return false;
  const before = seen.size;
  seen.add(value);
  return seen.size > before;
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
  context: { seen: KeySet; code?: FundingInputErrorCode },
): string {
  if (isNewKey(value, context.seen)) return value;
  const code = context.code ?? "invalid_argument";
  if (typeof value !== "string" || value.trim() === "") {
    throw new FundingInputError(
      code,
      `${field} must be a non-empty text key, got ${describeValue(value)}`,
      { field },
    );
  }
  throw new FundingInputError(
    code,
    `${field} ${JSON.stringify(value)} is used twice; every key must be different`,
    { field },
  );
}
