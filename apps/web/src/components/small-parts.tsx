import type { ReactNode } from "react";
import { Link } from "react-router";

/** A GOV.UK back link to the page the user came from in the journey. */
export function BackLink({ to, children = "Back" }: { to: string; children?: string }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

/** GOV.UK details: a short "help with this" that opens in place. */
export function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

/** GOV.UK warning text: the "!" icon and a visually hidden "Warning". */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** GOV.UK inset text for a note that stands apart. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

/** A page's h1 with an optional caption above it (the section or the record it belongs to). */
export function PageHeading({
  caption,
  children,
}: {
  caption?: string | undefined;
  children: ReactNode;
}) {
  return (
    <h1 className="govuk-heading-l">
      {caption === undefined ? null : <span className="govuk-caption-l">{caption}</span>}
      {children}
    </h1>
  );
}
