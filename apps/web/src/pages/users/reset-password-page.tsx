import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { ButtonLink } from "../../components/button";
import { ConfirmAction } from "../../components/confirm-action";
import { BackLink } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { AccountLinkPanel, LinkDeliveryRadios } from "./account-link-panel";
import { usersChanged, WithUser, type UserAccount } from "./use-user";

function ConfirmReset({ user }: { user: UserAccount }) {
  const [sendBy, setSendBy] = useState<"show" | "email">("show");
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({ onSuccess: () => usersChanged() }),
  );
  usePageTitle(reset.isSuccess ? "Password reset" : `Reset ${user.name}'s password`);
  if (reset.isSuccess) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AccountLinkPanel
            heading={`${user.name}'s password has been reset`}
            who={user.name}
            outcome={reset.data}
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
      <ConfirmAction
        question={`Reset ${user.name}'s password?`}
        action="Reset password"
        busy={reset.isPending}
        error={reset.error}
        onConfirm={() => reset.mutate({ id: user.id, sendBy })}
        cancelTo={`/users/${user.id}`}
      >
        <p className="govuk-body">
          They will be signed out everywhere, and must choose a new password the next time they sign
          in. They get a single-use link where they can choose it now.
        </p>
        <LinkDeliveryRadios
          value={sendBy}
          onChange={(value) => setSendBy(value === "email" ? "email" : "show")}
        />
      </ConfirmAction>
    </>
  );
}

/** The confirmation before an administrator resets someone's password, then the new link. */
export function ResetPasswordPage() {
  return <WithUser>{(user) => <ConfirmReset user={user} />}</WithUser>;
}
