import { TRPCClientError } from "@trpc/client";

import { issueField, type ApiErrorData, type ApiIssue } from "@dapkit/contract";

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

// The server's errorFormatter gives every error the contract's ApiErrorData; read it defensively,
// since an answer from something else (a proxy) has none.
function errorData(error: { data?: unknown }): Partial<ApiErrorData> | undefined {
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

// The schemas' messages are sentence tails ("must not be empty"); GOV.UK error messages are
// whole sentences, so the field's label is put in front. A service's own message is already one.
function sentence(label: string | undefined, message: string): string {
  const first = message.charAt(0);
  if (label === undefined || first !== first.toLowerCase()) return message;
  return `${label} ${message}`;
}

// The form field an input field belongs to, when the form has one by that name.
function formField(field: string | null | undefined, labels: FieldLabels): string | undefined {
  return field != null && field in labels ? field : undefined;
}

function addToForm(errors: FormErrors, message: string): void {
  const lines = errors.form == null ? [] : errors.form.split("\n");
  if (!lines.includes(message)) errors.form = [...lines, message].join("\n");
}

// Each field shows its first problem only, as GOV.UK asks.
function addToField(errors: FormErrors, found: FieldError, labels: FieldLabels) {
  if (errors.fields.some((existing) => existing.field === found.field)) return;
  errors.fields.push({ field: found.field, message: sentence(labels[found.field], found.message) });
}

/**
 * Messages for a form from problems with its input, found by the browser with the contract's
 * schema or reported by the server: each problem against the form's field for it, and any the
 * form has no field for (it names the input's own key) as a message for the whole form.
 */
export function formErrorsFromIssues(
  issues: readonly ApiIssue[],
  labels: FieldLabels,
  errors: FormErrors = { fields: [], form: null },
): FormErrors {
  for (const issue of issues) {
    const field = formField(issueField(issue.path), labels);
    if (field !== undefined) addToField(errors, { field, message: issue.message }, labels);
    else if (issue.path.length === 0) addToForm(errors, issue.message);
    else addToForm(errors, `${issue.path.join(".")}: ${issue.message}`);
  }
  return errors;
}

/**
 * Turns any failed request into messages for a form, from the structured data the server sends:
 * its `issues` (zod's and a service's, each with its path) to their fields, anything else to one
 * message for the whole form. A fault of the server, or no answer, shows a general message.
 */
export function formErrorsFrom(error: unknown, labels: FieldLabels = {}): FormErrors {
  const errors: FormErrors = { fields: [], form: null };
  if (error instanceof ApiError) {
    const field = formField(error.field, labels);
    const message = error.status >= 500 ? GENERIC_MESSAGE : error.message;
    if (field === undefined) addToForm(errors, message);
    else addToField(errors, { field, message }, labels);
    return errors;
  }
  if (!(error instanceof TRPCClientError)) return { fields: [], form: GENERIC_MESSAGE };
  const data = errorData(error);
  if (data === undefined || (data.httpStatus ?? 500) >= 500) {
    return { fields: [], form: GENERIC_MESSAGE };
  }
  if (data.issues != null && data.issues.length > 0) {
    return formErrorsFromIssues(data.issues, labels, errors);
  }
  const field = formField(data.field, labels);
  if (field === undefined) addToForm(errors, error.message);
  else addToField(errors, { field, message: error.message }, labels);
  return errors;
}

/** The message for one field, if it has one. */
export function errorFor(errors: FormErrors | null, field: string): string | undefined {
  return errors?.fields.find((error) => error.field === field)?.message;
}

/** True when there is something to show. */
export function hasErrors(errors: FormErrors | null): errors is FormErrors {
  return errors != null && (errors.form != null || errors.fields.length > 0);
}
