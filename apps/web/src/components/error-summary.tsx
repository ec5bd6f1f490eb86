import { useEffect, useRef } from "react";

import type { FormErrors } from "../lib/api-errors";

// GOV.UK's error summary script moves focus to the field and scrolls its label (or legend) into
// view, because the input alone can sit under the question it answers.
function focusField(id: string): void {
  const input = document.getElementById(id);
  if (input == null) return;
  const legendOrLabel =
    input.closest("fieldset")?.querySelector("legend") ??
    document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legendOrLabel ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary: a list of links to the fields at fault. It takes focus when it
 * appears so that screen reader and keyboard users learn the form was not sent.
 */
export function ErrorSummary({ errors }: { errors: FormErrors | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors != null && (errors.form != null || errors.fields.length > 0);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [errors, shown]);
  if (!shown) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.form == null
              ? null
              : errors.form.split("\n").map((line) => <li key={line}>{line}</li>)}
            {errors.fields.map((error) => (
              <li key={error.field}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(error.field);
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
