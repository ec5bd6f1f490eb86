import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import type { FormEvent } from "react";

import {
  contract,
  ROLE_LABELS,
  SSO_PATHS,
  USER_ROLES,
  type ApiErrorData,
  type ApiIssue,
} from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { Select } from "../../components/select";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { formErrorsFromIssues } from "../../lib/api-errors";
import { useNavigateWithFlash } from "../../lib/flash";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { mappingText, parseMapping, ssoInput, type SsoText } from "./sso-input";

type SsoSettings = Outputs["organisation"]["settings"]["get"]["sso"];

const LABELS = {
  enabled: "Single sign-on",
  issuerUrl: "Issuer URL",
  clientId: "Client ID",
  clientSecret: "Client secret",
  allowedDomains: "Allowed email domains",
  roleClaim: "Role claim",
  roleMapping: "Role mapping",
  defaultRole: "Default role",
  createUnknownUsers: "Accounts for people not yet invited",
};

// The update's `sso` part on its own, so the browser's problems are against this form's fields.
const SsoInputSchema = contract.organisation.settings.update.input.shape.sso.unwrap();

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

// The server reports a problem with the `sso` part at `sso.<field>`: this form's fields are the
// part's own keys. Null when the error has no issues to place (the form then shows its message).
function ssoIssues(error: unknown): ApiIssue[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as Partial<ApiErrorData> | undefined;
  if (data?.issues == null || data.issues.length === 0 || (data.httpStatus ?? 500) >= 500) {
    return null;
  }
  return data.issues.map((issue) =>
    issue.path[0] === "sso" ? { ...issue, path: issue.path.slice(1) } : issue,
  );
}

/** The single sign-on (OpenID Connect) part of the settings page, saved on its own. */
export function SsoSection({ sso }: { sso: SsoSettings }) {
  const form = useForm<SsoText>(
    {
      enabled: sso.enabled ? "yes" : "no",
      issuerUrl: sso.issuerUrl ?? "",
      clientId: sso.clientId ?? "",
      clientSecret: "",
      allowedDomains: sso.allowedDomains.join("\n"),
      roleClaim: sso.roleClaim ?? "",
      roleMapping: mappingText(sso.roleMapping),
      defaultRole: sso.defaultRole ?? "",
      createUnknownUsers: sso.createUnknownUsers ? "yes" : "no",
    },
    LABELS,
  );
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.organisation.settings.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        navigateWithFlash("/settings", "Single sign-on settings saved");
      },
      onError: (error) => {
        const issues = ssoIssues(error);
        const found = issues == null ? null : formErrorsFromIssues(issues, LABELS);
        if (found == null || found.form != null) form.fromServer(error);
        else form.check(found.fields);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = ssoInput(form.values);
    const ok = form.validate(SsoInputSchema, input, [
      parseMapping(form.values.roleMapping).problem,
    ]);
    if (ok) update.mutate({ sso: input });
  }

  const callbackUrl = `${window.location.origin}${SSO_PATHS.callback}`;
  return (
    <>
      <h2 className="govuk-heading-m" id="single-sign-on">
        Single sign-on
      </h2>
      <p className="govuk-body">
        Staff can sign in with your organisation&apos;s identity provider (OpenID Connect), such as
        Microsoft Entra ID. Register dapkit with the provider using this redirect (callback) URL:
      </p>
      <p className="govuk-body">
        <code>{callbackUrl}</code>
      </p>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate aria-labelledby="single-sign-on">
        <Radios
          legend="Use single sign-on"
          legendSize="s"
          choices={YES_NO}
          inline
          {...form.choice("enabled")}
        />
        <TextInput
          label="Issuer URL"
          hint="The provider's address, starting with https://"
          spellCheck={false}
          {...form.text("issuerUrl")}
        />
        <TextInput label="Client ID" spellCheck={false} {...form.text("clientId")} />
        <TextInput
          label="Client secret"
          hint={
            sso.clientSecretSet
              ? "A secret is stored and is never shown. Leave this empty to keep it."
              : "No secret is stored yet."
          }
          type="password"
          autoComplete="off"
          {...form.text("clientSecret")}
        />
        <Textarea
          label="Allowed email domains"
          hint="One a line, such as council.gov.uk. Only people with an address in one can sign in."
          rows={3}
          spellCheck={false}
          {...form.text("allowedDomains")}
        />
        <TextInput
          label="Role claim"
          hint="The ID-token claim whose values choose a role, such as roles or groups."
          spellCheck={false}
          className="govuk-input--width-20"
          {...form.text("roleClaim")}
        />
        <Textarea
          label="Role mapping"
          hint={`One a line: a claim value or group, =, then a role (${USER_ROLES.map((role) => ROLE_LABELS[role]).join(", ")}). For example, dapkit-managers = Manager.`}
          rows={4}
          spellCheck={false}
          {...form.text("roleMapping")}
        />
        <Select
          label="Default role"
          hint="For someone whose claim values match no line of the mapping."
          options={[
            { value: "", text: "None: refuse the sign-in" },
            ...USER_ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
          ]}
          {...form.text("defaultRole")}
        />
        <Radios
          legend="Create an account when someone not yet invited signs in?"
          legendSize="s"
          hint="No: an administrator must invite each person first."
          choices={YES_NO}
          inline
          {...form.choice("createUnknownUsers")}
        />
        <Button busy={update.isPending}>Save single sign-on settings</Button>
      </form>
    </>
  );
}
