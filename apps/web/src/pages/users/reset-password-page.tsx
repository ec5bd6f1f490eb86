import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink } from "../../components/small-parts";
import { formErrorsFrom } from "../../lib/api-errors";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { AccountLinkPanel } from "./account-link-panel";
import { usersChanged, WithUser, type UserAccount } from "./use-user";

function ConfirmReset({ user }: { user: UserAccount }) {
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({ onSuccess: () => usersChanged() }),
  );
  usePageTitle(reset.isSuccess ? "Password reset" : `Reset ${user.name}'s password`);
  const errors = useMemo(
    () => (reset.error == null ? null : formErrorsFrom(reset.error)),
    [reset.error],
  );
  if (reset.isSuccess) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AccountLinkPanel
            heading={`${user.name}'s password has been reset`}
            who={user.name}
            link={reset.data.link}
          />
          <ButtonLink
            to={`/users/${user.id}`}
            variant="secondary"
          >{`Back to ${user.name}`}</ButtonLink>
        </div>
      </div>
    );
  }
  return (
    <>
      <BackLink to={`/users/${user.id}`}>{`Back to ${user.name}`}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Reset {user.name}&apos;s password?</h1>
          <p className="govuk-body">
            They will be signed out everywhere, and must choose a new password the next time they
            sign in. You will be given a single-use link to send them, where they can choose it now.
          </p>
          <ButtonGroup>
            <Button
              type="button"
              variant="warning"
              busy={reset.isPending}
              onClick={() => reset.mutate({ id: user.id })}
            >
              Reset password
            </Button>
            <Link className="govuk-link" to={`/users/${user.id}`}>
              Cancel
            </Link>
          </ButtonGroup>
        </div>
      </div>
    </>
  );
}

/** The confirmation before an administrator resets someone's password, then the new link. */
export function ResetPasswordPage() {
  return <WithUser>{(user) => <ConfirmReset user={user} />}</WithUser>;
}
