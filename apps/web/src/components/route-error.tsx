import { isRouteErrorResponse, useRouteError } from "react-router";

import { errorStatus } from "../lib/api-errors";
import { NotFoundContent, ProblemContent } from "./error-pages";

/**
 * Each route's error boundary: a missing page or record reads "Page not found"; anything else
 * the GOV.UK "Sorry, there is a problem" page, inside the normal layout, never a blank screen.
 */
export function RouteError() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : errorStatus(error);
  return status === 404 ? <NotFoundContent /> : <ProblemContent />;
}

/** The page for addresses the app does not know. */
export function NotFoundPage() {
  return <NotFoundContent />;
}
