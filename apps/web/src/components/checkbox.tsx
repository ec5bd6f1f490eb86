import type { InputHTMLAttributes, ReactNode } from "react";

/** One GOV.UK checkbox; wrap several in `<div className="govuk-checkboxes">` inside a Fieldset. */
export function Checkbox({
  id,
  label,
  hint,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "type"
>) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        type="checkbox"
        aria-describedby={hint == null ? undefined : `${id}-item-hint`}
        {...input}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      {hint == null ? null : (
        <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
          {hint}
        </div>
      )}
    </div>
  );
}
