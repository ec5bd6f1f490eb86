/**
 * Describes any value briefly for an error message: text quoted (so spaces and empty text show),
 * numbers and true/false as they are, anything else by its kind. It never throws, unlike
 * `String()` on an object without a prototype or `JSON.stringify` on a bigint, either of which
 * would turn a refusal into a TypeError. Every dapkit package names bad input with it, so a
 * message reads the same whichever package wrote it.
 *
 * @example
 * describeValue("abc"); // '"abc"'
 * describeValue(undefined); // "nothing"
 * describeValue([1]); // "a list"
 * describeValue(Object.create(null)); // "an object"
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (value === undefined) return "nothing";
  if (value == null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
