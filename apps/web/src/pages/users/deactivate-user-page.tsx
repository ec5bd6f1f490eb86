import { useMutation } from "@tanstack/react-query";

import { ConfirmAction } from "../../components/confirm-action";
import { BackLink, WarningText } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { trpc } from "../../trpc";
import { usersChanged, WithUser, type UserAccount } from "./use-user";

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
  return (
    <ConfirmAction
      question={`Are you sure you want to deactivate ${user.name}?`}
      action={`Deactivate ${user.name}`}
      busy={deactivate.isPending}
      error={deactivate.error}
      onConfirm={() => deactivate.mutate({ id: user.id, data: { active: false } })}
      cancelTo={`/users/${user.id}`}
    >
      <WarningText>
        They will be signed out everywhere at once, and their API tokens will stop working.
      </WarningText>
      <p className="govuk-body">
        Their account and everything they recorded stay in dapkit and in the audit log. You can
        reactivate them later; they keep their role.
      </p>
    </ConfirmAction>
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
