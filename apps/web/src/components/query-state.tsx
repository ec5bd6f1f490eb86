import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { errorStatus, formErrorsFrom } from "../lib/api-errors";
import { NotFoundContent } from "./error-pages";

/** "Loading…" announced politely to screen readers. */
export function Loading({ what = "page" }: { what?: string }) {
  return (
    <p className="govuk-body" role="status">
      Loading the {what}…
    </p>
  );
}

/**
 * Renders a query's data, or a loading line, or its error as a readable message (never a blank
 * page). A record that is not found, or not the user's to see, shows the not-found content.
 */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  what?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading {...(what === undefined ? {} : { what })} />;
  if (query.isError) {
    const status = errorStatus(query.error);
    if (status === 404 || status === 403) return <NotFoundContent />;
    const { form, fields } = formErrorsFrom(query.error);
    return (
      <div className="govuk-error-summary" role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{form ?? fields.map((field) => field.message).join(" ")}</p>
        </div>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
