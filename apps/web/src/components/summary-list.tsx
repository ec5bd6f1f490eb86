import type { ReactNode } from "react";

/** One row of a summary list. */
export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** An optional "Change" link or other action. */
  action?: ReactNode;
}

/** A GOV.UK summary list of key–value rows. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  const anyActions = rows.some((row) => row.action != null);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div
          className={`govuk-summary-list__row${anyActions && row.action == null ? " govuk-summary-list__row--no-actions" : ""}`}
          key={row.key}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action == null ? null : (
            <dd className="govuk-summary-list__actions">{row.action}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
