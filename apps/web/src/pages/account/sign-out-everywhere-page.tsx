import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink } from "../../components/small-parts";
import { formErrorsFrom } from "../../lib/api-errors";
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
  const errors = useMemo(
    () => (signOut.error == null ? null : formErrorsFrom(signOut.error)),
    [signOut.error],
  );
  return (
    <>
      <BackLink to="/account">Back to my account</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Are you sure you want to sign out everywhere?</h1>
          <p className="govuk-body">
            This signs you out on every computer, tablet and phone, including this one. You will
            need to sign in again.
          </p>
          <p className="govuk-body">
            Your API tokens keep working: revoke any you no longer trust on My account.
          </p>
          <ButtonGroup>
            <Button
              type="button"
              variant="warning"
              busy={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              Sign out everywhere
            </Button>
            <Link className="govuk-link" to="/account">
              Cancel
            </Link>
          </ButtonGroup>
        </div>
      </div>
    </>
  );
}
