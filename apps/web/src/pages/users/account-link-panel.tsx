import { useEffect, useRef } from "react";

import { formatDateTime } from "@dapkit/schemas";

import { CopyField } from "../../components/copy-field";
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
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="govuk-heading-l app-focus-target">
        {heading}
      </h1>
      <p className="govuk-body">
        Send {who} this link. They use it to choose a password and sign in. It works once, until{" "}
        {formatDateTime(link.expiresAt)}.
      </p>
      <CopyField id="account-link" label="Single-use link" value={link.url} />
      <WarningText>
        Anyone with this link can sign in as {who}. Send it only to them, and not by a shared inbox.
      </WarningText>
    </>
  );
}
