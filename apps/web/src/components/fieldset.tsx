import type { ReactNode } from "react";

import { describedBy, ErrorMessage, FormGroup, Hint } from "./field";

/** A GOV.UK fieldset with a legend, for radios, checkboxes and date inputs. */
export function Fieldset({
  id,
  legend,
  legendSize = "m",
  isPageHeading = false,
  hint,
  error,
  children,
}: {
  /** The prefix of the hint and error ids; usually the first input's name. */
  id: string;
  legend: ReactNode;
  legendSize?: "s" | "m" | "l" | "visually-hidden";
  isPageHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  const legendClass =
    legendSize === "visually-hidden"
      ? "govuk-visually-hidden"
      : `govuk-fieldset__legend--${legendSize}`;
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, { hint, error })}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        {children}
      </fieldset>
    </FormGroup>
  );
}
