import { useEffect, useRef } from "react";

import { formatDateTime } from "@dapkit/schemas";

import { CopyField } from "../../components/copy-field";
import { Radios } from "../../components/radios";
import { WarningText } from "../../components/small-parts";

/** How the administrator chose to pass the link on, as radio choices. */
const LINK_DELIVERY_CHOICES = [
  { value: "show", text: "Show me the link, and I will send it to them" },
  {
    value: "email",
    text: "Email it to them",
    hint: "The service emails a link that works once. This needs a mail server to be set up.",
  },
];

/** The choice between emailing a set-password link and being shown it. */
export function LinkDeliveryRadios(props: {
  value: string | null;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <Radios
      name="sendBy"
      legend="How should they get their link?"
      legendSize="s"
      choices={LINK_DELIVERY_CHOICES}
      {...props}
    />
  );
}

/**
 * A new single-use set-password link: shown once to the administrator who asked for it, with a
 * button that copies it, or the address it was emailed to. It replaces the page's form, so focus
 * moves to its heading to announce it.
 */
export function AccountLinkPanel({
  heading,
  who,
  outcome,
}: {
  heading: string;
  who: string;
  outcome: { link: { url: string; expiresAt: string } | null; emailedTo: string | null };
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { link } = outcome;
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className="govuk-heading-l app-focus-target">
        {heading}
      </h1>
      {link == null ? (
        <p className="govuk-body">
          A single-use link is being emailed to {who} at {outcome.emailedTo}. They use it to choose
          a password and sign in. If it does not arrive, you can reset their password and choose to
          be shown the link instead.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Send {who} this link. They use it to choose a password and sign in. It works once, until{" "}
            {formatDateTime(link.expiresAt)}.
          </p>
          <CopyField id="account-link" label="Single-use link" value={link.url} />
          <WarningText>
            Anyone with this link can sign in as {who}. Send it only to them, and not by a shared
            inbox.
          </WarningText>
        </>
      )}
    </>
  );
}
