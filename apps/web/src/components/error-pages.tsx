import { Link } from "react-router";

import { usePageTitle } from "../lib/page-title";

/** The body of GOV.UK's "Page not found" page. Also used when a record is not the user's to see. */
export function NotFoundContent() {
  usePageTitle("Page not found");
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        If you pasted the web address, check you copied the entire address.
      </p>
      <p className="govuk-body">
        If the address is correct, you may not have access to this page. You can{" "}
        <Link className="govuk-link" to="/">
          go to the dashboard
        </Link>
        .
      </p>
    </>
  );
}

/** The body of GOV.UK's "Sorry, there is a problem with the service" page. */
export function ProblemContent() {
  usePageTitle("Sorry, there is a problem with the service");
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">
        Nothing you saved before the problem has been lost. You can{" "}
        <a className="govuk-link" href="/">
          go to the dashboard
        </a>{" "}
        and try again.
      </p>
    </>
  );
}
