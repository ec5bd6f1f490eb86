import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { contract, ROLE_LABELS, USER_ROLES, type UserRole } from "@dapkit/contract";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { trpc, type Outputs } from "../../trpc";
import { AccountLinkPanel, LinkDeliveryRadios } from "./account-link-panel";
import { ROLE_HINTS } from "./role-hints";
import { leadAgencyId, LeadAgencySelect } from "./lead-agency";
import { usersChanged } from "./use-user";

const LABELS = {
  name: "Full name",
  email: "Email address",
  role: "Role",
  agencyId: "Agency",
  sendBy: "How should they get their link?",
};

type Invited = Outputs["users"]["invite"];

/** The roles as radio choices, each with what it may do. */
export const ROLE_CHOICES = USER_ROLES.map((role) => ({
  value: role,
  text: ROLE_LABELS[role],
  hint: ROLE_HINTS[role],
}));

/** Invite someone: they get an account with no password and a link to choose one. */
export function InviteUserPage() {
  const [invited, setInvited] = useState<Invited | null>(null);
  const form = useForm<{
    name: string;
    email: string;
    role: string | null;
    agencyId: string;
    sendBy: string | null;
  }>({ name: "", email: "", role: null, agencyId: "", sendBy: "show" }, LABELS);
  usePageTitle(invited == null ? "Invite a user" : "User invited", { error: form.invalid });
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: async (result) => {
        setInvited(result);
        await usersChanged();
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { name, email, role, agencyId, sendBy } = form.values;
    const input = {
      name,
      email,
      role: (role ?? "") as UserRole,
      staffId: null,
      agencyId: leadAgencyId(role, agencyId),
      sendBy: sendBy === "email" ? ("email" as const) : ("show" as const),
    };
    const ok = form.validate(contract.users.invite.input, input, [
      role == null ? { field: "role", message: "Choose a role" } : null,
      role === "agency_lead" && agencyId === ""
        ? { field: "agencyId", message: "Select the agency this agency lead acts for" }
        : null,
    ]);
    if (ok) invite.mutate(input);
  }

  if (invited != null) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AccountLinkPanel
            heading={`${invited.user.name} has been invited`}
            who={invited.user.name}
            outcome={invited}
          />
          <ButtonGroup>
            <ButtonLink to={`/users/${invited.user.id}`}>View their account</ButtonLink>
            <ButtonLink to="/users" variant="secondary">
              Back to users
            </ButtonLink>
          </ButtonGroup>
        </div>
      </div>
    );
  }

  return (
    <>
      <BackLink to="/users">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <h1 className="govuk-heading-l">Invite a user</h1>
          <p className="govuk-body">
            They get a single-use link, where they choose their password: emailed to them, or shown
            to you to send.
          </p>
          <form onSubmit={submit} noValidate>
            <TextInput label="Full name" autoComplete="off" {...form.text("name")} />
            <TextInput
              label="Email address"
              hint="Their work email address. They sign in with it."
              type="email"
              autoComplete="off"
              spellCheck={false}
              {...form.text("email")}
            />
            <Radios legend="Role" legendSize="m" choices={ROLE_CHOICES} {...form.choice("role")} />
            <LeadAgencySelect role={form.values.role} {...form.text("agencyId")} />
            <LinkDeliveryRadios {...form.choice("sendBy")} />
            <Button busy={invite.isPending}>Invite user</Button>
          </form>
        </div>
      </div>
    </>
  );
}
