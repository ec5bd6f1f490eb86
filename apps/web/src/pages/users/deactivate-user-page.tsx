import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink, WarningText } from "../../components/small-parts";
import { formErrorsFrom } from "../../lib/api-errors";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { usersChanged, WithUser, type UserAccount } from "./use-user";
import { Link } from "react-router";

function ConfirmDeactivate({ user }: { user: UserAccount }) {
  usePageTitle(`Deactivate ${user.name}`);
  const navigateWithFlash = useNavigateWithFlash();
  const deactivate = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async () => {
        await usersChanged();
        navigateWithFlash(`/users/${user.id}`, `${user.name} has been deactivated`);
      },
    }),
  );
  const errors = useMemo(
    () => (deactivate.error == null ? null : formErrorsFrom(deactivate.error)),
    [deactivate.error],
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Are you sure you want to deactivate {user.name}?</h1>
        <WarningText>
          They will be signed out everywhere at once, and their API tokens will stop working.
        </WarningText>
        <p className="govuk-body">
          Their account and everything they recorded stay in dapkit and in the audit log. You can
          reactivate them later; they keep their role.
        </p>
        <ButtonGroup>
          <Button
            type="button"
            variant="warning"
            busy={deactivate.isPending}
            onClick={() => deactivate.mutate({ id: user.id, data: { active: false } })}
          >
            Deactivate {user.name}
          </Button>
          <Link className="govuk-link" to={`/users/${user.id}`}>
            Cancel
          </Link>
        </ButtonGroup>
      </div>
    </div>
  );
}

/** The confirmation before an administrator stops someone signing in. */
export function DeactivateUserPage() {
  return (
    <WithUser>
      {(user) => (
        <>
          <BackLink to={`/users/${user.id}`}>{`Back to ${user.name}`}</BackLink>
          <ConfirmDeactivate user={user} />
        </>
      )}
    </WithUser>
  );
}
