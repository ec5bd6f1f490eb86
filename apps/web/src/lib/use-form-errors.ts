import { useCallback, useState } from "react";
import type * as z from "zod";

import type { ApiIssue } from "@dapkit/contract";

import {
  errorFor,
  formErrorsFrom,
  formErrorsFromIssues,
  hasErrors,
  type FieldError,
  type FieldLabels,
  type FormErrors,
} from "./api-errors";

// zod's issue paths allow symbols, which no contract schema uses as a key.
function apiIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map(({ path, code, message }) => ({
    path: path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    code,
    message,
  }));
}

/**
 * A form's errors: set from the browser's own checks before sending, or from the server's
 * answer after. `check` and `validate` return true when there is nothing to show, so a submit
 * handler can stop.
 */
export function useFormErrors(labels: FieldLabels) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  // GOV.UK's error summary lists the problems in the order the fields are on the page, which is
  // the order of the labels; the sort keeps equal places in the order found.
  const show = useCallback(
    (found: FormErrors): boolean => {
      const order = Object.keys(labels);
      const place = (field: string) =>
        order.includes(field) ? order.indexOf(field) : order.length;
      found.fields.sort((a, b) => place(a.field) - place(b.field));
      setErrors(hasErrors(found) ? found : null);
      return !hasErrors(found);
    },
    [labels],
  );
  const fromServer = useCallback(
    (error: unknown) => {
      show(formErrorsFrom(error, labels));
    },
    [labels, show],
  );
  const check = useCallback(
    (fields: (FieldError | null)[]): boolean =>
      show({ fields: fields.filter((field) => field != null), form: null }),
    [show],
  );
  /**
   * Checks the input about to be sent with the schema the server checks it with (from
   * `@dapkit/contract`), after the form's own `problems` with what was typed (a time that is not
   * a time, a choice not made), which take a field's place first.
   */
  const validate = useCallback(
    <Schema extends z.ZodType>(
      schema: Schema,
      input: z.input<Schema>,
      problems: (FieldError | null)[] = [],
    ): boolean => {
      const found: FormErrors = { fields: problems.filter((field) => field != null), form: null };
      const result = schema.safeParse(input);
      return show(
        result.success ? found : formErrorsFromIssues(apiIssues(result.error), labels, found),
      );
    },
    [labels, show],
  );
  return {
    errors,
    /** True while the form shows errors (the page title then starts "Error:"). */
    invalid: hasErrors(errors),
    /** The message for one field. */
    errorFor: (field: string) => errorFor(errors, field),
    /** Shows a failed request's messages. */
    fromServer,
    /** Shows the browser-side problems; returns true when there are none. */
    check,
    validate,
    clear: () => setErrors(null),
  };
}

/** A required text field's problem, or null: `required("title", title, "Enter a title")`. */
export function required(field: string, value: string, message: string): FieldError | null {
  return value.trim() === "" ? { field, message } : null;
}
