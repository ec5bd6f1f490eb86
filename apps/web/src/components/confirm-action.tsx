import { useMemo, type ReactNode } from "react";
import { Link } from "react-router";

import { formErrorsFrom } from "../lib/api-errors";
import { Button, ButtonGroup } from "./button";
import { ErrorSummary } from "./error-summary";

/**
 * The GOV.UK confirmation before a destructive action: the question as the page's heading, what
 * will happen, a warning button that does it, and a way back that does nothing. A refusal from
 * the server shows in the error summary above.
 */
export function ConfirmAction({
  question,
  children,
  action,
  busy,
  error,
  onConfirm,
  cancelTo,
}: {
  question: ReactNode;
  children: ReactNode;
  /** The button's words: the action itself ("Deactivate Sam Jones"), never "Yes". */
  action: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  cancelTo: string;
}) {
  const errors = useMemo(() => (error == null ? null : formErrorsFrom(error)), [error]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{question}</h1>
        {children}
        <ButtonGroup>
          <Button type="button" variant="warning" busy={busy} onClick={onConfirm}>
            {action}
          </Button>
          <Link className="govuk-link" to={cancelTo}>
            Cancel
          </Link>
        </ButtonGroup>
      </div>
    </div>
  );
}
