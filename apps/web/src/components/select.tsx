import type { SelectHTMLAttributes } from "react";

import { describedBy, ErrorMessage, FormGroup, Hint, Label, type FieldProps } from "./field";

/** One choice of a select. */
export interface Option {
  value: string;
  text: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">;

/** A GOV.UK select with its label, hint and error message. */
export function Select({
  name,
  id = name,
  label,
  hint,
  error,
  options,
  ...select
}: FieldProps & SelectProps & { options: readonly Option[] }) {
  return (
    <FormGroup error={error}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <select
        className={`govuk-select${error === undefined ? "" : " govuk-select--error"}`}
        id={id}
        name={name}
        aria-describedby={describedBy(id, { hint, error })}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
