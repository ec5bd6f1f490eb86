import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";

import { ConfirmAction } from "../../components/confirm-action";
import { BackLink } from "../../components/small-parts";
import { usePageTitle } from "../../lib/page-title";
import { queryClient, trpc } from "../../trpc";

/** The confirmation before ending every session of one's own account, this one included. */
export function SignOutEverywherePage() {
  usePageTitle("Sign out everywhere");
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void navigate("/sign-in", {
          state: { flash: "You have been signed out everywhere, including here" },
        });
      },
    }),
  );
  return (
    <>
      <BackLink to="/account">Back to my account</BackLink>
      <ConfirmAction
        question="Are you sure you want to sign out everywhere?"
        action="Sign out everywhere"
        busy={signOut.isPending}
        error={signOut.error}
        onConfirm={() => signOut.mutate()}
        cancelTo="/account"
      >
        <p className="govuk-body">
          This signs you out on every computer, tablet and phone, including this one. You will need
          to sign in again.
        </p>
        <p className="govuk-body">
          Your API tokens keep working: revoke any you no longer trust on My account.
        </p>
      </ConfirmAction>
    </>
  );
}
