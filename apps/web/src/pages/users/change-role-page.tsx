import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract, type UserRole } from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { trpc } from "../../trpc";
import { ROLE_CHOICES } from "./invite-user-page";
import { leadAgencyId, LeadAgencySelect } from "./lead-agency";
import { usersChanged, WithUser, type UserAccount } from "./use-user";

const LABELS = { role: "Role", agencyId: "Agency" };

function ChangeRoleForm({ user }: { user: UserAccount }) {
  const form = useForm<{ role: string | null; agencyId: string }>(
    { role: user.role, agencyId: user.agencyId ?? "" },
    LABELS,
  );
  usePageTitle(`Change ${user.name}'s role`, { error: form.invalid });
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await usersChanged();
        navigateWithFlash(`/users/${user.id}`, `${user.name}'s role has been changed`);
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { role, agencyId } = form.values;
    const input = {
      id: user.id,
      data: { role: (role ?? "") as UserRole, agencyId: leadAgencyId(role, agencyId) },
    };
    const problems = [
      role === "agency_lead" && agencyId === ""
        ? { field: "agencyId", message: "Select the agency this agency lead acts for" }
        : null,
    ];
    if (form.validate(contract.users.update.input, input, problems)) update.mutate(input);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <form onSubmit={submit} noValidate>
          <Radios
            legend={
              <h1 className="govuk-fieldset__heading">
                <span className="govuk-caption-l">{user.name}</span>
                Change role
              </h1>
            }
            legendSize="l"
            hint="They will be signed out everywhere at once, and have the new role when they sign in again."
            choices={ROLE_CHOICES}
            {...form.choice("role")}
          />
          <LeadAgencySelect role={form.values.role} {...form.text("agencyId")} />
          <Button busy={update.isPending}>Save role</Button>
        </form>
      </div>
    </div>
  );
}

/** Change a user's role. */
export function ChangeRolePage() {
  return (
    <WithUser>
      {(user) => (
        <>
          <BackLink to={`/users/${user.id}`}>{`Back to ${user.name}`}</BackLink>
          <ChangeRoleForm user={user} />
        </>
      )}
    </WithUser>
  );
}
