import { useQuery } from "@tanstack/react-query";

import { SSO_PATHS, SSO_REFUSALS, ssoRefusalReason } from "@dapkit/contract";

import { Button } from "../../components/button";
import type { FormErrors } from "../../lib/api-errors";

async function ssoAvailable(): Promise<boolean> {
  const response = await fetch(SSO_PATHS.availability, { credentials: "same-origin" });
  if (!response.ok) return false;
  const body = (await response.json()) as { available?: unknown };
  return body.available === true;
}

/**
 * Offers single sign-on when an organisation uses it. The address typed in the sign-in form
 * picks the organisation (the one whose allowed domains include it), so there is nothing else to
 * choose; the browser then goes to that organisation's identity provider.
 */
export function SsoSignIn({
  email,
  onMissingEmail,
}: {
  email: string;
  onMissingEmail: () => void;
}) {
  const available = useQuery({ queryKey: ["sso-available"], queryFn: ssoAvailable });
  if (available.data !== true) return null;

  function start() {
    const address = email.trim();
    if (address === "") {
      onMissingEmail();
      return;
    }
    window.location.assign(`${SSO_PATHS.start}?email=${encodeURIComponent(address)}`);
  }

  return (
    <>
      <h2 className="govuk-heading-m">Your organisation&rsquo;s account</h2>
      <p className="govuk-body">
        If your organisation lets you sign in to dapkit with the account you use for your other work
        systems, enter your email address above and continue with that account instead of a
        password.
      </p>
      <Button type="button" variant="secondary" onClick={start}>
        Sign in with your organisation&rsquo;s account
      </Button>
    </>
  );
}

/** The message to show when single sign-on sent the person back refused (`?sso=<reason>`). */
export function ssoRefusalErrors(value: string | null): FormErrors | null {
  const reason = ssoRefusalReason(value);
  return reason === undefined ? null : { fields: [], form: SSO_REFUSALS[reason] };
}
