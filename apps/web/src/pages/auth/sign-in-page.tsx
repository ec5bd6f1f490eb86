import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { contract } from "@dapkit/contract";

import { errorStatus } from "../../lib/api-errors";
import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { required } from "../../lib/use-form-errors";
import { queryClient, trpc } from "../../trpc";

const LABELS = { email: "Email address", password: "Password" };

// Only addresses inside the app: a crafted ?next= must not send someone to another site.
function safeNext(next: string | null): string {
  return next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({ email: "", password: "" }, LABELS);
  usePageTitle("Sign in", { error: form.invalid });

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        // Nothing cached while signed out (above all "nobody is signed in") may outlive sign-in.
        queryClient.clear();
        await queryClient.fetchQuery(trpc.auth.me.queryOptions());
        void navigate(safeNext(params.get("next")), { replace: true });
      },
      onError: (error) => {
        form.set("password", "");
        // A wrong email or password is one message about both fields; GOV.UK links it to the first.
        if (errorStatus(error) === 401) {
          form.check([{ field: "email", message: error.message }]);
        } else {
          form.fromServer(error);
        }
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { email, password } = form.values;
    const ok = form.validate(contract.auth.signIn.input, { email, password }, [
      required("email", email, "Enter your email address"),
    ]);
    if (ok) signIn.mutate({ email, password });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FlashBanner />
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">Sign in to dapkit</h1>
        <p className="govuk-body">
          Use the email address and password your dapkit administrator gave you.
        </p>
        <form onSubmit={submit} noValidate>
          <TextInput
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            {...form.text("email")}
          />
          <TextInput
            label="Password"
            type="password"
            autoComplete="current-password"
            {...form.text("password")}
          />
          <Button busy={signIn.isPending}>Sign in</Button>
        </form>
        <h2 className="govuk-heading-m">Problems signing in</h2>
        <p className="govuk-body">
          After 5 wrong attempts you will need to wait before trying again. If you have forgotten
          your password, ask your dapkit administrator to set a new one.
        </p>
      </div>
    </div>
  );
}
