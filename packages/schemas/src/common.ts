import * as z from "zod";

/**
 * The message for a value of the wrong type: "is required" when the field is missing altogether,
 * otherwise `message`, so a person editing a file knows which of the two to fix.
 */
export function typeError(message: string): (issue: { input: unknown }) => string {
  return (issue) => (issue.input === undefined ? "is required" : message);
}

/** An identifier of a stored record: any non-empty string up to 64 characters. */
export const IdSchema = z
  .string({ error: typeError("must be an identifier (text)") })
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters");

// Characters that change how text around them is shown without being seen themselves: the
// bidirectional overrides, embeddings and isolates (which can make "gpj.exe" read as "exe.jpg"),
// direction marks, zero-width spaces, the word joiner and invisible operators, the byte-order mark
// and interlinear annotations. Zero-width joiners (U+200C, U+200D) are left alone: some scripts and
// emoji need them.
const HIDDEN_FORMATTING =
  "\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB";
// A label is one line: no control characters at all (C0, DEL, C1) nor line or paragraph separators.
const NOT_IN_LABEL = new RegExp(
  `[\u0000-\u001F\u007F-\u009F\u2028\u2029${HIDDEN_FORMATTING}]`,
  "u",
);
// A note may have lines and tabs, but no other control characters.
const NOT_IN_NOTE = new RegExp(
  `[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F${HIDDEN_FORMATTING}]`,
  "u",
);
const HIDDEN_CHARACTERS = "must not contain control characters or hidden text-direction marks";

/** A short label typed by a person, such as a name or a title: one line of visible text. */
export const LabelSchema = z
  .string({ error: typeError("must be text") })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine((value) => !NOT_IN_LABEL.test(value), HIDDEN_CHARACTERS);

/** Free text such as a note or a reason; may be empty, and may have several lines. */
export const NoteSchema = z
  .string({ error: typeError("must be text") })
  .trim()
  .max(5000, "must be at most 5,000 characters")
  .refine((value) => !NOT_IN_NOTE.test(value), HIDDEN_CHARACTERS);

/** The earliest and latest years a date may fall in: any date the tracker records is well inside. */
export const DATE_YEAR_RANGE = { min: 1900, max: 2200 } as const;
const OUT_OF_RANGE = `must be between ${DATE_YEAR_RANGE.min} and ${DATE_YEAR_RANGE.max}`;

function isPlausibleYear(year: number): boolean {
  return year >= DATE_YEAR_RANGE.min && year <= DATE_YEAR_RANGE.max;
}

/** A calendar date in ISO form, `2016-04-01`, between 1900 and 2200. */
export const IsoDateSchema = z.iso
  .date({ error: typeError("must be a date in the form YYYY-MM-DD"), abort: true })
  .refine((value) => isPlausibleYear(Number(value.slice(0, 4))), OUT_OF_RANGE);

/**
 * A moment in ISO form with a zone, `2016-04-01T09:30:00Z`, between 1900 and 2200. The year is
 * checked in UTC, since that is how the moment is stored: `9999-12-31T23:00:00-14:00` is in 10000.
 */
export const IsoDateTimeSchema = z.iso
  .datetime({
    offset: true,
    error: "must be a date and time in the form YYYY-MM-DDTHH:MM:SSZ",
    abort: true,
  })
  .refine((value) => isPlausibleYear(new Date(value).getUTCFullYear()), OUT_OF_RANGE);

/** The longest email address there can be (RFC 5321's limit on a path, less its brackets). */
export const MAX_EMAIL_LENGTH = 254;

/** An email address. */
export const EmailSchema = z
  .string({ error: typeError("must be an email address") })
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`)
  .pipe(z.email({ error: typeError("must be an email address, like name@council.gov.uk") }));

/** A choice from a fixed list; the error message lists the choices. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: typeError(`must be one of ${values.join(", ")}`) });
}
