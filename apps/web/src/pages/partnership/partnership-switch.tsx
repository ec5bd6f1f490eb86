import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { formErrorsFrom } from "../../lib/api-errors";
import { useCurrentUser } from "../../lib/current-user";
import { trpc } from "../../trpc";
import { partnershipChanged } from "./use-agencies";

/**
 * Whether the organisation runs as a partnership of agencies. Switching it either way keeps every
 * agency and every person's agency; while on, each person added or changed needs an agency.
 */
export function PartnershipSwitch() {
  const user = useCurrentUser();
  const [choice, setChoice] = useState(user.runsAsPartnership ? "yes" : "no");
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.partnership.settings.update.mutationOptions({
      onSuccess: async () => {
        await partnershipChanged();
        setSaved(true);
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ runsAsPartnership: choice === "yes" });
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={update.error == null ? null : formErrorsFrom(update.error)} />
      <Radios
        name="runsAsPartnership"
        legend="Does your organisation run as a partnership of agencies?"
        legendSize="m"
        hint="In a partnership every person belongs to an agency, and agency leads nominate and see figures for their own agency's people only."
        inline
        choices={[
          { value: "yes", text: "Yes" },
          { value: "no", text: "No" },
        ]}
        value={choice}
        onChange={setChoice}
      />
      <Button variant="secondary" busy={update.isPending}>
        Save
      </Button>
      {saved ? (
        <p className="govuk-body" role="status">
          Saved.
        </p>
      ) : null}
    </form>
  );
}
