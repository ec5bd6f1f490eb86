import { useEffect, useRef, useState } from "react";

import { formatDateTime } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { WarningText } from "../../components/small-parts";

/**
 * A single-use set-password link, shown once to the administrator who asked for it, with a button
 * that copies it. It replaces the page's form, so focus moves to its heading to announce it.
 */
export function AccountLinkPanel({
  heading,
  who,
  link,
}: {
  heading: string;
  who: string;
  link: { url: string; expiresAt: string };
}) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="app-focus-target">
      <h1 className="govuk-heading-l">{heading}</h1>
      <div>
        <p className="govuk-body">
          Send {who} this link. They use it to choose a password and sign in. It works once, until{" "}
          {formatDateTime(link.expiresAt)}.
        </p>
        <label className="govuk-label govuk-label--s" htmlFor="account-link">
          Single-use link
        </label>
        <input
          id="account-link"
          className="govuk-input govuk-!-margin-bottom-4"
          readOnly
          value={link.url}
          onFocus={(event) => event.target.select()}
          spellCheck={false}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link.url).then(() => setCopied(true));
          }}
        >
          Copy link
        </Button>
        <p className="govuk-body" role="status">
          {copied ? "Link copied" : ""}
        </p>
        <WarningText>
          Anyone with this link can sign in as {who}. Send it only to them, and not by a shared
          inbox.
        </WarningText>
      </div>
    </div>
  );
}
