import type { ReactNode } from "react";

/** The ids that tie a field's hint and error message to its input for screen readers. */
export function describedBy(id: string, options: { hint?: ReactNode; error?: string | undefined }) {
  const ids = [
    options.hint == null ? null : `${id}-hint`,
    options.error == null ? null : `${id}-error`,
  ];
  const value = ids.filter((part) => part != null).join(" ");
  return value === "" ? undefined : value;
}

/** A field's hint, when it has one. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (children == null) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

/** A field's error message, prefixed for screen readers as GOV.UK does. */
export function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

/** The form group around one field: red rule on the left when it has an error. */
export function FormGroup({ error, children }: { error: string | undefined; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error === undefined ? "" : " govuk-form-group--error"}`}>
      {children}
    </div>
  );
}

/** Props every labelled field takes. */
export interface FieldProps {
  /** The input's name; also its id unless `id` is given (the error summary links to the id). */
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Show the label as the page heading (GOV.UK "question page" pattern). */
  isPageHeading?: boolean;
}

/** A field's label, optionally as the page's h1. */
export function Label({
  id,
  label,
  isPageHeading,
}: {
  id: string;
  label: ReactNode;
  isPageHeading?: boolean;
}) {
  const element = (
    <label className={`govuk-label${isPageHeading === true ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
    </label>
  );
  return isPageHeading === true ? <h1 className="govuk-label-wrapper">{element}</h1> : element;
}
