import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { contract } from "@dapkit/contract";

import { errorStatus } from "../../lib/api-errors";
import { safeNext, type SetPasswordState } from "./after-sign-in";
import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { required } from "../../lib/use-form-errors";
import { queryClient, trpc } from "../../trpc";
import { NotSetUp } from "../setup/not-set-up";
import { SsoSignIn, ssoRefusalErrors } from "./sso-sign-in";

const LABELS = { email: "Email address", password: "Password" };

/** The sign-in page, or, before any organisation exists, how to set the service up. */
export function SignInPage() {
  const status = useQuery(trpc.auth.setupStatus.queryOptions());
  return (
    <QueryState query={status}>{({ setUp }) => (setUp ? <SignInForm /> : <NotSetUp />)}</QueryState>
  );
}

function SignInForm() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({ email: "", password: "" }, LABELS);
  usePageTitle("Sign in", { error: form.invalid });

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async ({ passwordChangeToken }) => {
        if (passwordChangeToken != null) {
          // A reset password: no session yet; the token (in history state, never the address)
          // lets them choose a new one, and that signs them in.
          const state: SetPasswordState = { token: passwordChangeToken, next: params.get("next") };
          void navigate("/set-password", { state });
          return;
        }
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
        <ErrorSummary errors={form.errors ?? ssoRefusalErrors(params.get("sso"))} />
        <h1 className="govuk-heading-l">Sign in to dapkit</h1>
        <p className="govuk-body">
          Use your work email address and the password you chose from the link your dapkit
          administrator sent you.
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
        <SsoSignIn
          email={form.values.email}
          onMissingEmail={() =>
            form.check([{ field: "email", message: "Enter your email address" }])
          }
        />
        <h2 className="govuk-heading-m">Problems signing in</h2>
        <p className="govuk-body">
          After 5 wrong attempts you will need to wait before trying again.
        </p>
        <p className="govuk-body">
          If you have forgotten your password, or your link has expired, ask an administrator of
          dapkit in your organisation. They can reset your password from the Users page and give you
          a new link to choose one.
        </p>
      </div>
    </div>
  );
}
