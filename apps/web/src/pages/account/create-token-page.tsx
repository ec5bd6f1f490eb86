import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { contract, MAX_TOKEN_DAYS } from "@dapkit/contract";
import { formatDateTime } from "@dapkit/schemas";

import { Button, ButtonLink } from "../../components/button";
import { CopyField } from "../../components/copy-field";
import { ErrorSummary } from "../../components/error-summary";
import { BackLink, WarningText } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

const LABELS = { name: "Token name", expiresInDays: "Days until it expires" };

type Created = Outputs["account"]["tokens"]["create"];

/**
 * The number of days typed, or NaN when it is not a whole number written in digits (so the
 * contract's schema names the problem: "1.5" and "ten" are refused alike, never rounded).
 */
export function daysFrom(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function ShownOnce({ created }: { created: Created }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l app-focus-target" tabIndex={-1} ref={heading}>
          API token “{created.details.name}” created
        </h1>
        <WarningText>
          Copy this token now. It will not be shown again: dapkit keeps only a fingerprint of it.
        </WarningText>
        <CopyField id="api-token" label="API token" value={created.token} />
        <p className="govuk-body">
          It works until {formatDateTime(created.details.expiresAt)}. Send it in the{" "}
          <code>Authorization: Bearer</code> header, or give it to the SDK&apos;s{" "}
          <code>createTrackerClient</code>. Keep it as safe as a password: anyone who has it can do
          what you can do.
        </p>
        <ButtonLink to="/account">Back to my account</ButtonLink>
      </div>
    </div>
  );
}

/** Create a personal API token; the token is shown once. */
export function CreateTokenPage() {
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm({ name: "", expiresInDays: "90" }, LABELS);
  usePageTitle(created == null ? "Create an API token" : "API token created", {
    error: form.invalid,
  });
  const create = useMutation(
    trpc.account.tokens.create.mutationOptions({
      onSuccess: async (result) => {
        setCreated(result);
        await queryClient.invalidateQueries({ queryKey: trpc.account.tokens.list.queryKey() });
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name: form.values.name, expiresInDays: daysFrom(form.values.expiresInDays) };
    const ok = form.validate(contract.account.tokens.create.input, input, [
      Number.isNaN(input.expiresInDays)
        ? { field: "expiresInDays", message: "Enter the number of days as a whole number, like 90" }
        : null,
    ]);
    if (ok) create.mutate(input);
  }

  if (created != null) return <ShownOnce created={created} />;
  return (
    <>
      <BackLink to="/account">Back to my account</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors} />
          <h1 className="govuk-heading-l">Create an API token</h1>
          <p className="govuk-body">
            The token can do what your role can do, in your organisation only.
          </p>
          <form onSubmit={submit} noValidate>
            <TextInput
              label="Token name"
              hint="So you can tell your tokens apart, for example “Monthly uptake report script”."
              autoComplete="off"
              {...form.text("name")}
            />
            <TextInput
              label="Days until it expires"
              hint={`From 1 to ${MAX_TOKEN_DAYS} days. A shorter life is safer.`}
              inputMode="numeric"
              className="govuk-input--width-4"
              autoComplete="off"
              {...form.text("expiresInDays")}
            />
            <Button busy={create.isPending}>Create token</Button>
          </form>
        </div>
      </div>
    </>
  );
}
