import type { TextareaHTMLAttributes } from "react";

import { describedBy, ErrorMessage, FormGroup, Hint, Label, type FieldProps } from "./field";

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** A GOV.UK textarea with its label, hint and error message. */
export function Textarea({
  name,
  id = name,
  label,
  hint,
  error,
  rows = 5,
  ...textarea
}: FieldProps & TextareaProps) {
  return (
    <FormGroup error={error}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea
        className={`govuk-textarea${error === undefined ? "" : " govuk-textarea--error"}`}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(id, { hint, error })}
        {...textarea}
      />
    </FormGroup>
  );
}
