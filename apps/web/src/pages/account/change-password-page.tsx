import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract } from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { useCurrentUser } from "../../lib/current-user";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { confirmationProblem, NewPasswordFields } from "../auth/new-password-fields";
import { useForm } from "../../lib/use-form";
import { trpc } from "../../trpc";

const LABELS = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirm: "Confirm new password",
};

/** Change one's own password; the current one is needed, and other sessions end. */
export function ChangePasswordPage() {
  const user = useCurrentUser();
  const form = useForm({ currentPassword: "", newPassword: "", confirm: "" }, LABELS);
  usePageTitle("Change your password", { error: form.invalid });
  const navigateWithFlash = useNavigateWithFlash();
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () =>
        navigateWithFlash(
          "/account",
          "Your password has been changed. You have been signed out everywhere else.",
        ),
      onError: (error) => {
        form.set("currentPassword", "");
        form.fromServer(error);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { currentPassword, newPassword, confirm } = form.values;
    const input = { currentPassword, newPassword };
    const ok = form.validate(contract.account.changePassword.input, input, [
      confirmationProblem(newPassword, confirm),
    ]);
    if (ok) change.mutate(input);
  }

  return (
    <>
      <BackLink to="/account">Back to my account</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <h1 className="govuk-heading-l">Change your password</h1>
          <form onSubmit={submit} noValidate>
            <input type="hidden" name="username" autoComplete="username" value={user.email} />
            <TextInput
              label="Current password"
              type="password"
              autoComplete="current-password"
              {...form.text("currentPassword")}
            />
            <NewPasswordFields password={form.text("newPassword")} confirm={form.text("confirm")} />
            <Button busy={change.isPending}>Change password</Button>
          </form>
        </div>
      </div>
    </>
  );
}
