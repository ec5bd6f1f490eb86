import { TRPCClientError } from "@trpc/client";

/** One problem with one form field, as the error summary and the field show it. */
export interface FieldError {
  /** The id of the input the message is about (the error summary links to it). */
  field: string;
  message: string;
}

/** What went wrong with a request, ready to show: per-field messages and/or one for the form. */
export interface FormErrors {
  fields: FieldError[];
  /** A problem not tied to one field (shown in the error summary on its own). */
  form: string | null;
}

/** An error from a plain /api/ route: `{ error: { code, message, field } }` with the status. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly field: string | null;

  constructor(options: { status: number; code: string; message: string; field?: string | null }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.field = options.field ?? null;
  }
}

/** Shown when the server could not be reached or failed in a way it did not explain. */
export const GENERIC_MESSAGE = "Sorry, there is a problem with the service. Try again later.";

/** Labels of the fields of a form, by field id, to turn "must not be empty" into a sentence. */
export type FieldLabels = Readonly<Record<string, string>>;

interface ErrorData {
  code?: string;
  httpStatus?: number;
  field?: string | null;
  fieldErrors?: Record<string, string[] | undefined> | null;
}

function errorData(error: { data?: unknown }): ErrorData | undefined {
  // The server's errorFormatter adds field and fieldErrors; read them defensively.
  const data = error.data;
  return typeof data === "object" && data != null ? data : undefined;
}

/** True when the request never got an answer from the server (offline, server down). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TRPCClientError && errorData(error) === undefined;
}

/** The HTTP status of a failed request, when the server answered. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof ApiError) return error.status;
  if (error instanceof TRPCClientError) return errorData(error)?.httpStatus;
  return undefined;
}

// The server's validation messages are sentence tails ("must not be empty"); GOV.UK error
// messages are whole sentences, so the field's label is put in front.
function sentence(label: string | undefined, message: string): string {
  const first = message.charAt(0);
  if (label === undefined || first !== first.toLowerCase()) return message;
  return `${label} ${message}`;
}

// A field path from the server ("data.title", "rows.2.percent") to a form field id: the whole
// path when the form names it, otherwise its last word (update inputs wrap fields in "data").
function fieldFor(path: string, labels: FieldLabels): string | undefined {
  if (path in labels) return path;
  const last = path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  return last !== undefined && last in labels ? last : undefined;
}

function add(
  errors: FormErrors,
  found: { field: string | undefined; message: string },
  labels: FieldLabels,
) {
  const { field, message } = found;
  if (field === undefined) {
    errors.form = errors.form == null ? message : `${errors.form}\n${message}`;
    return;
  }
  if (errors.fields.some((existing) => existing.field === field)) return;
  errors.fields.push({ field, message: sentence(labels[field], message) });
}

// Invalid input arrives as "path: problem" lines (the server's formatIssues).
function fromMessageLines(message: string, labels: FieldLabels): FormErrors {
  const errors: FormErrors = { fields: [], form: null };
  for (const line of message.split("\n")) {
    const match = /^([\w.]+): (.+)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) {
      const field = fieldFor(match[1], labels);
      add(errors, { field, message: field === undefined ? line : match[2] }, labels);
    } else if (line.trim() !== "") {
      add(errors, { field: undefined, message: line.trim() }, labels);
    }
  }
  return errors;
}

/**
 * Turns any failed request into messages for a form: zod input errors to their fields, an
 * AppError with a field to that field, anything else to one message for the whole form.
 */
export function formErrorsFrom(error: unknown, labels: FieldLabels = {}): FormErrors {
  if (error instanceof ApiError) {
    const errors: FormErrors = { fields: [], form: null };
    const field = error.field == null ? undefined : fieldFor(error.field, labels);
    add(errors, { field, message: error.status >= 500 ? GENERIC_MESSAGE : error.message }, labels);
    return errors;
  }
  if (!(error instanceof TRPCClientError)) return { fields: [], form: GENERIC_MESSAGE };
  const data = errorData(error);
  if (data === undefined || (data.httpStatus ?? 500) >= 500) {
    return { fields: [], form: GENERIC_MESSAGE };
  }
  if (data.field != null) {
    const errors: FormErrors = { fields: [], form: null };
    add(errors, { field: fieldFor(data.field, labels), message: error.message }, labels);
    return errors;
  }
  if (data.code === "BAD_REQUEST") {
    // zod's flattened fieldErrors name top-level fields; the message's "path: problem" lines
    // also reach nested ones ("data.title") and whatever the form has no field for.
    const errors = fromMessageLines("", labels);
    for (const [key, messages] of Object.entries(data.fieldErrors ?? {})) {
      const field = fieldFor(key, labels);
      const first = messages?.[0];
      if (field !== undefined && first !== undefined)
        add(errors, { field, message: first }, labels);
    }
    const lines = fromMessageLines(error.message, labels);
    for (const found of lines.fields) {
      if (!errors.fields.some((existing) => existing.field === found.field))
        errors.fields.push(found);
    }
    // A line already shown against its field is not repeated for the whole form.
    const rest =
      lines.form
        ?.split("\n")
        .filter((line) => !errors.fields.some((found) => line.startsWith(`${found.field}:`)))
        .join("\n") ?? "";
    errors.form = rest === "" ? null : rest;
    return errors;
  }
  return { fields: [], form: error.message };
}

/** The message for one field, if it has one. */
export function errorFor(errors: FormErrors | null, field: string): string | undefined {
  return errors?.fields.find((error) => error.field === field)?.message;
}

/** True when there is something to show. */
export function hasErrors(errors: FormErrors | null): errors is FormErrors {
  return errors != null && (errors.form != null || errors.fields.length > 0);
}
