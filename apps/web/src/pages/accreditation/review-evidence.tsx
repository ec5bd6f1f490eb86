import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { contract } from "@dapkit/contract";
import { evidenceMoves } from "@dapkit/daha";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { Radios } from "../../components/radios";
import { Textarea } from "../../components/textarea";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Evidence = Outputs["evidence"]["get"];
type Status = Evidence["status"];

/**
 * The workflow step for an evidence item: send for review, approve, or reject or expire with a
 * reason. Nothing is chosen for the user, not even when there is only one way on, so a decision
 * that takes evidence out of use is always a deliberate one. `onOutcome` reports what was done
 * (or `null` when a new decision is being saved), for the page's one banner.
 */
export function ReviewEvidence({
  evidence,
  onOutcome,
}: {
  evidence: Evidence;
  onOutcome: (message: string | null) => void;
}) {
  // The ways on from its status, in the words of @dapkit/daha's evidence state machine.
  const moves = evidenceMoves(evidence.recordedStatus);
  const choices = moves.map((move) => ({ value: move.to, text: move.label, hint: move.hint }));
  const [chosen, setTo] = useState<Status | null>(null);
  // The choice only counts while it is still a way on from the current status.
  const to = choices.some((choice) => choice.value === chosen) ? chosen : null;
  const [note, setNote] = useState("");
  const form = useFormErrors({ to: "Decision", note: "Reason" });
  const transition = useMutation(
    trpc.evidence.transition.mutationOptions({
      onSuccess: async (saved) => {
        setNote("");
        setTo(null);
        onOutcome(moves.find((move) => move.to === saved.recordedStatus)?.done ?? null);
        await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    onOutcome(null);
    if (to == null) {
      form.check([{ field: "to", message: "Select what to do with this evidence" }]);
      return;
    }
    const input = { id: evidence.id, to, note };
    // The contract's schema asks for the reason a rejection or expiry needs.
    if (form.validate(contract.evidence.transition.input, input)) transition.mutate(input);
  }

  const heading = evidence.recordedStatus === "in_review" ? "Review this evidence" : "Next step";
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <Radios
          name="to"
          legend={heading}
          value={to}
          onChange={(value) => setTo(value as Status)}
          error={form.errorFor("to")}
          choices={choices}
        />
        <Textarea
          name="note"
          label="Reason or note"
          hint="Needed when rejecting or marking as expired; optional otherwise. It is kept in the evidence history."
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={form.errorFor("note")}
        />
        <Button busy={transition.isPending}>Save decision</Button>
      </form>
    </>
  );
}
