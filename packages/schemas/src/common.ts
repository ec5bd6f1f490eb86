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

/** A short label typed by a person, such as a name or a title. */
export const LabelSchema = z
  .string({ error: typeError("must be text") })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");

/** Free text such as a note or a reason; may be empty. */
export const NoteSchema = z
  .string({ error: typeError("must be text") })
  .trim()
  .max(5000, "must be at most 5,000 characters");

/** A calendar date in ISO form, `2016-04-01`. */
export const IsoDateSchema = z.iso.date({
  error: typeError("must be a date in the form YYYY-MM-DD"),
});

/** A moment in ISO form with a zone, `2016-04-01T09:30:00Z`. */
export const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: "must be a date and time in the form YYYY-MM-DDTHH:MM:SSZ",
});

/** An email address. */
export const EmailSchema = z
  .string({ error: typeError("must be an email address") })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: typeError("must be an email address, like name@council.gov.uk") }));

/** A choice from a fixed list; the error message lists the choices. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: typeError(`must be one of ${values.join(", ")}`) });
}
