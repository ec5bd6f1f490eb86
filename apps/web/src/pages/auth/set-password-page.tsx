import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDateTime } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Loading } from "../../components/query-state";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { safeNext, type SetPasswordState } from "./after-sign-in";
import { confirmationProblem, NewPasswordFields } from "./new-password-fields";

type LinkInfo = Outputs["auth"]["accountLink"];

const LABELS = { password: "New password", confirm: "Confirm new password", token: "Link" };

/**
 * The token in a link's address: in the fragment (`#token=…`, which browsers never send to a
 * server, so it stays out of request logs and Referer headers), or else the query.
 */
export function tokenFromAddress(hash: string, search: string): string {
  const fromHash = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return fromHash ?? new URLSearchParams(search).get("token") ?? "";
}

/** Where the token comes from: a single-use link's address, or a sign-in that needs a change. */
function useToken(): { token: string; forced: boolean; next: string | null } {
  const location = useLocation();
  const state = location.state as Partial<SetPasswordState> | null;
  if (typeof state?.token === "string") {
    return { token: state.token, forced: true, next: state.next ?? null };
  }
  return { token: tokenFromAddress(location.hash, location.search), forced: false, next: null };
}

function heading(info: LinkInfo | null): string {
  if (info == null) return "Choose a new password";
  return info.purpose === "reset" ? "Choose a new password" : "Set your password";
}

function LinkCannotBeUsed() {
  usePageTitle("This link cannot be used");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">This link cannot be used</h1>
        <p className="govuk-body">
          It may have expired, been used already, or not have been copied in full.
        </p>
        <p className="govuk-body">
          Ask an administrator of dapkit in your organisation for a new link. If you have already
          set a password, you can{" "}
          <a className="govuk-link" href="/sign-in">
            sign in
          </a>
          .
        </p>
      </div>
    </div>
  );
}

/**
 * Choosing a password from a single-use link (an invitation, the first administrator's set-up,
 * a reset), or after signing in with a password an administrator reset. Setting it signs in.
 */
export function SetPasswordPage() {
  const { token, forced, next } = useToken();
  const link = useQuery({
    ...trpc.auth.accountLink.queryOptions({ token }),
    enabled: !forced && token !== "",
    retry: false,
  });
  if (!forced) {
    if (token === "" || link.isError) return <LinkCannotBeUsed />;
    if (link.isPending) return <Loading what="link" />;
  }
  return <SetPasswordForm token={token} info={forced ? null : (link.data ?? null)} next={next} />;
}

function SetPasswordForm({
  token,
  info,
  next,
}: {
  token: string;
  info: LinkInfo | null;
  next: string | null;
}) {
  const navigate = useNavigate();
  const form = useForm({ password: "", confirm: "" }, LABELS);
  const title = heading(info);
  usePageTitle(title, { error: form.invalid });

  const setPassword = useMutation(
    trpc.auth.setPassword.mutationOptions({
      onSuccess: async () => {
        queryClient.clear();
        await queryClient.fetchQuery(trpc.auth.me.queryOptions());
        void navigate(safeNext(next), {
          replace: true,
          state: { flash: "Your password has been set" },
        });
      },
      onError: (error) => {
        form.set("password", "");
        form.set("confirm", "");
        form.fromServer(error);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { password, confirm } = form.values;
    const ok = form.validate(contract.auth.setPassword.input, { token, password }, [
      confirmationProblem(password, confirm),
    ]);
    if (ok) setPassword.mutate({ token, password });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">
          {info == null ? null : <span className="govuk-caption-l">{info.organisationName}</span>}
          {title}
        </h1>
        {info == null ? (
          <p className="govuk-body">
            An administrator has reset your password. Choose a new one to sign in.
          </p>
        ) : (
          <p className="govuk-body">
            This is for <strong>{info.name}</strong> ({info.email}). The link works once, until{" "}
            {formatDateTime(info.expiresAt)}.
          </p>
        )}
        <form onSubmit={submit} noValidate>
          {info == null ? null : (
            // Lets a password manager save the new password against the right email address.
            <input type="hidden" name="username" autoComplete="username" value={info.email} />
          )}
          <NewPasswordFields password={form.text("password")} confirm={form.text("confirm")} />
          <Button busy={setPassword.isPending}>Set password and sign in</Button>
        </form>
      </div>
    </div>
  );
}
