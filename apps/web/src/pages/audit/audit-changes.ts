/** One field of a record that an audited action changed, ready to read. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

// Beyond this a value is cut short: the export has it whole.
const MAX_VALUE_LENGTH = 200;

/** A code as words: "sign_in_failed" and "signInFailed" → "Sign in failed". */
export function codeWords(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A recorded value for people: "None" for nothing, "Yes"/"No", text as it is, else compact JSON. */
export function valueWords(value: unknown): string {
  if (value == null || value === "") return "None";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value != null && !Array.isArray(value);
}

// A record's fields; a value that is not a record (a list, a number) is one field, "Value".
function fieldsOf(value: unknown): Record<string, unknown> {
  if (value == null) return {};
  return isRecord(value) ? value : { value };
}

/**
 * What an audit entry changed: each field whose value differs between before and after, in the
 * order the record lists them (before's fields first, then those only after has). A field both
 * sides hold alike is left out; a creation lists every field with "None" before.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return keys
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]))
    .map((key) => ({
      field: codeWords(key),
      before: valueWords(old[key]),
      after: valueWords(now[key]),
    }));
}
