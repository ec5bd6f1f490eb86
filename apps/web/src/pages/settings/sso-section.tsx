import type { Outputs } from "../../trpc";

type SsoSettings = Outputs["organisation"]["settings"]["get"]["sso"];

/**
 * The single sign-on part of the settings page. Its form (issuer, client, domains, roles) belongs
 * here, beside the other settings, and saves with `organisation.settings.update({ sso })`; until
 * it is added this says where things stand.
 */
export function SsoSection({ sso }: { sso: SsoSettings }) {
  return (
    <>
      <h2 className="govuk-heading-m" id="single-sign-on">
        Single sign-on
      </h2>
      <p className="govuk-body">
        {sso.enabled
          ? `Staff can sign in with your identity provider (${sso.issuerUrl ?? "not yet complete"}).`
          : "Single sign-on is off: everyone signs in with a dapkit password."}
      </p>
    </>
  );
}
