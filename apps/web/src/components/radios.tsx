import type { ReactNode } from "react";

import { Fieldset } from "./fieldset";

/** One radio of a group. */
export interface Choice {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
}

/**
 * A GOV.UK radio group. The first radio's id is the group's name, so an error summary link to
 * `#name` lands on it. `choiceId` gives each other radio a stable id.
 */
export function Radios({
  name,
  legend,
  legendSize,
  hint,
  error,
  choices,
  value,
  onChange,
  inline = false,
  small = false,
}: {
  name: string;
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "visually-hidden";
  hint?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice[];
  value: string | null;
  onChange: (value: string) => void;
  inline?: boolean;
  small?: boolean;
}) {
  const classes = [
    "govuk-radios",
    inline ? "govuk-radios--inline" : "",
    small ? "govuk-radios--small" : "",
  ]
    .filter((part) => part !== "")
    .join(" ");
  return (
    <Fieldset
      id={name}
      legend={legend}
      {...(legendSize === undefined ? {} : { legendSize })}
      hint={hint}
      error={error}
    >
      <div className={classes}>
        {choices.map((choice, index) => {
          const id = index === 0 ? name : `${name}-${index + 1}`;
          return (
            <div className="govuk-radios__item" key={choice.value}>
              <input
                className="govuk-radios__input"
                id={id}
                name={name}
                type="radio"
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint == null ? undefined : `${id}-item-hint`}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={id}>
                {choice.text}
              </label>
              {choice.hint == null ? null : (
                <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {choice.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
