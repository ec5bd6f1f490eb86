import type { FormEvent, ReactNode, TextareaHTMLAttributes } from "react";
import { Link } from "react-router";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import type { FieldProps } from "../../components/field";
import { Textarea } from "../../components/textarea";
import type { FormErrors } from "../../lib/api-errors";

/**
 * The GOV.UK confirmation before something that takes people's places away: the question as the
 * heading, what will happen, a required reason (it goes in each person's history), a warning
 * button naming the action, and a way back that changes nothing. Never one click.
 */
export function ReasonConfirm({
  caption,
  question,
  children,
  reason,
  action,
  busy,
  errors,
  onConfirm,
  backTo,
}: {
  caption: string;
  question: string;
  children: ReactNode;
  /** The reason field: its label, hint and the form's binding (`form.text(name)`). */
  reason: FieldProps & Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange">;
  action: string;
  busy: boolean;
  errors: FormErrors | null;
  onConfirm: () => void;
  backTo: string;
}) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm();
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">
          <span className="govuk-caption-l">{caption}</span>
          {question}
        </h1>
        {children}
        <form onSubmit={submit} noValidate>
          <Textarea rows={3} {...reason} />
          <ButtonGroup>
            <Button variant="warning" busy={busy}>
              {action}
            </Button>
            <Link className="govuk-link" to={backTo}>
              Go back without changing anything
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
