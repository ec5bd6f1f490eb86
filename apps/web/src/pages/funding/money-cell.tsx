import type { ChangeEvent } from "react";

/**
 * A money input inside a table (a partner's year, a workstream's budget): its label is read by
 * screen readers but hidden, as the row and column headers say it; its error shows above it.
 */
export function MoneyCell({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div
      className={`govuk-form-group govuk-!-margin-bottom-0${error === undefined ? "" : " govuk-form-group--error"}`}
    >
      <label className="govuk-visually-hidden" htmlFor={id}>
        {label}
      </label>
      {error === undefined ? null : (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="govuk-input__wrapper">
        <div className="govuk-input__prefix" aria-hidden="true">
          £
        </div>
        <input
          className={`govuk-input govuk-input--width-10${error === undefined ? "" : " govuk-input--error"}`}
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          value={value}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            onChange(event.target.value);
          }}
        />
      </div>
    </div>
  );
}
