import type { InputHTMLAttributes } from "react";

import { describedBy, ErrorMessage, FormGroup, Hint, Label, type FieldProps } from "./field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A GOV.UK text input with its label, hint and error message. */
export function TextInput({
  name,
  id = name,
  label,
  hint,
  error,
  isPageHeading,
  className,
  ...input
}: FieldProps & InputProps & { width?: never }) {
  return (
    <FormGroup error={error}>
      <Label id={id} label={label} {...(isPageHeading === undefined ? {} : { isPageHeading })} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <input
        className={`govuk-input${error === undefined ? "" : " govuk-input--error"}${className === undefined ? "" : ` ${className}`}`}
        id={id}
        name={name}
        type="text"
        aria-describedby={describedBy(id, { hint, error })}
        {...input}
      />
    </FormGroup>
  );
}
