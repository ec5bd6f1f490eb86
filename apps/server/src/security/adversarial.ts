import fc from "fast-check";

// Values that have broken parsers and services elsewhere: prototype keys, numbers at the edges of
// IEEE 754, lone surrogates and bidi overrides, path traversal, formula and SQL injection, dates
// that do not exist, and strings long enough to hurt a careless regular expression.

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "%E0%A4%A",
  "\uD800",
  "\u202Eevil",
  "\uFEFF",
  "NaN",
  "-0",
  "1e308",
  "Infinity",
  "null",
  "2022-02-30",
  "0000-00-00",
  "9999-12-31T23:59:59Z",
  "2022-04-05T09:00:00+99:99",
  "00000000-0000-4000-8000-000000000000",
  "£1,502,449",
  "a".repeat(100_000),
  `${"a".repeat(50_000)}!`,
  "é".repeat(10_000),
];

const NASTY_NUMBERS = [
  Number.NaN,
  -0,
  0,
  1e308,
  -1e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  2 ** 31,
  -1,
  0.5,
  5e-324,
];

/** A string: random, random graphemes, or one of the known troublemakers. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...NASTY_STRINGS),
);

const adversarialKey = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "data", "csv"),
);

/** Any value at all, with the troublemakers over-represented, nested a few levels deep. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    adversarialString,
    fc.constantFrom(...NASTY_NUMBERS),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.date({ noInvalidDate: false }),
    fc.bigInt(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(adversarialKey, tie("value"), { maxKeys: 4 }),
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true }),
  ),
})).value;

type Json = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Json {
  return typeof value === "object" && value != null;
}

/** Every path into a value's objects and arrays, the value itself included (the empty path). */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (!isContainer(value)) return [[...prefix]];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
  );
  return [[...prefix], ...children];
}

function replaceAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return next;
  if (!isContainer(value)) return value;
  const copy: Json = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string | number, unknown>)[head] = replaceAt(
    (value as Record<string | number, unknown>)[head],
    rest,
    next,
  );
  return copy;
}

/**
 * A valid input with one part (a field, an array item, the whole) replaced by an adversarial
 * value, removed, or joined by an unexpected `__proto__` key: the shapes that reach deepest.
 */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...paths), adversarialValue)
      .map(([path, next]) => replaceAt(valid, path, next)),
    fc.constantFrom(...paths).map((path) => replaceAt(valid, path, undefined)),
    adversarialValue.map((extra) => {
      if (!isContainer(valid) || Array.isArray(valid)) return valid;
      // An own property named __proto__, as JSON.parse makes from a request body.
      return Object.defineProperty({ ...valid }, "__proto__", {
        value: extra,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }),
  );
}
