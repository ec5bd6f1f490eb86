import { ACCOUNT_LINK_LIFETIME_HOURS } from "@dapkit/contract";

import { usePageTitle } from "../../lib/page-title";

/** The command that creates the first organisation and its administrator (see the README). */
export const CREATE_ORGANISATION_COMMAND =
  'dapkit-server create-organisation --name "Your Council" --admin-email you@council.example';

/**
 * What the sign-in page shows while no organisation exists. There is no sign-up: whoever runs
 * the server creates the organisation with a command, which prints a link for its first
 * administrator.
 */
export function NotSetUp() {
  usePageTitle("dapkit has not been set up yet");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">dapkit has not been set up yet</h1>
        <p className="govuk-body">
          Nobody can sign in until an organisation and its first administrator have been created.
        </p>
        <h2 className="govuk-heading-m">If you run this service</h2>
        <p className="govuk-body">
          On the computer where dapkit runs, in the same data folder, run this command with your
          organisation&apos;s name and the email address of its first administrator:
        </p>
        <pre className="app-command" tabIndex={0} aria-label="The set-up command">
          <code>{CREATE_ORGANISATION_COMMAND}</code>
        </pre>
        <p className="govuk-body">
          It prints a link, valid for {ACCOUNT_LINK_LIFETIME_HOURS} hours, where that administrator
          chooses a password. They can then invite everyone else from the Users page.
        </p>
        <h2 className="govuk-heading-m">If you came here to sign in</h2>
        <p className="govuk-body">
          Ask whoever looks after dapkit in your organisation to set it up, then use the link or the
          email address they give you.
        </p>
      </div>
    </div>
  );
}
