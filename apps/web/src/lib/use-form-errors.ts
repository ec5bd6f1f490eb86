import { useCallback, useState } from "react";

import {
  formErrorsFrom,
  hasErrors,
  type FieldError,
  type FieldLabels,
  type FormErrors,
} from "./api-errors";

/**
 * A form's errors: set from the browser's own checks before sending, or from the server's
 * answer after. `show` returns true when there is anything to show, so a submit handler can stop.
 */
export function useFormErrors(labels: FieldLabels) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const fromServer = useCallback(
    (error: unknown) => setErrors(formErrorsFrom(error, labels)),
    [labels],
  );
  const check = useCallback((fields: (FieldError | null)[]): boolean => {
    const found = fields.filter((field) => field != null);
    setErrors(found.length === 0 ? null : { fields: found, form: null });
    return found.length === 0;
  }, []);
  return {
    errors,
    /** True while the form shows errors (the page title then starts "Error:"). */
    invalid: hasErrors(errors),
    /** The message for one field. */
    errorFor: (field: string) => errors?.fields.find((error) => error.field === field)?.message,
    /** Shows a failed request's messages. */
    fromServer,
    /** Shows the browser-side problems; returns true when there are none. */
    check,
    clear: () => setErrors(null),
  };
}

/** A required text field's problem, or null: `required("title", title, "Enter a title")`. */
export function required(field: string, value: string, message: string): FieldError | null {
  return value.trim() === "" ? { field, message } : null;
}
