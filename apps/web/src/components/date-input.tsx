import type { ReactNode } from "react";

import type { DateParts } from "../lib/date-parts";
import { Fieldset } from "./fieldset";

const PARTS = [
  { key: "day", label: "Day", width: 2 },
  { key: "month", label: "Month", width: 2 },
  { key: "year", label: "Year", width: 4 },
] as const;

/** The GOV.UK date input: day, month and year boxes. The day box's id is `name`. */
export function DateInput({
  name,
  legend,
  hint = "For example, 27 3 2026",
  error,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  return (
    <Fieldset id={name} legend={legend} legendSize="s" hint={hint} error={error}>
      <div className="govuk-date-input">
        {PARTS.map((part) => {
          const id = part.key === "day" ? name : `${name}-${part.key}`;
          return (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={id}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error === undefined ? "" : " govuk-input--error"}`}
                  id={id}
                  name={`${name}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                />
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
