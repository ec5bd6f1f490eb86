import type { FormEvent, ReactNode } from "react";

import type { FormErrors } from "../lib/api-errors";
import { Button } from "./button";
import { ErrorSummary } from "./error-summary";

/**
 * The GOV.UK form page: error summary first, then the heading, the fields and the button, in
 * the two-thirds column. Browser validation is off so the service's own messages show.
 */
export function QuestionForm({
  heading,
  caption,
  errors,
  onSubmit,
  submitText,
  busy,
  intro,
  children,
}: {
  heading: string;
  caption?: string;
  errors: FormErrors | null;
  onSubmit: () => void;
  submitText: string;
  busy: boolean;
  intro?: ReactNode;
  children: ReactNode;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          {caption === undefined ? null : <span className="govuk-caption-l">{caption}</span>}
          {heading}
        </h1>
        {intro}
        <form onSubmit={submit} noValidate>
          {children}
          <Button busy={busy}>{submitText}</Button>
        </form>
      </div>
    </div>
  );
}
