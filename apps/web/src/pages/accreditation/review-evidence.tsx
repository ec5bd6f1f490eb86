import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { contract } from "@dapkit/contract";
import { evidenceMoves } from "@dapkit/daha";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { NotificationBanner } from "../../components/notification-banner";
import { Radios } from "../../components/radios";
import { Textarea } from "../../components/textarea";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Evidence = Outputs["evidence"]["get"];
type Status = Evidence["status"];

/** The workflow step for an evidence item: send for review, approve or reject with a note. */
export function ReviewEvidence({ evidence }: { evidence: Evidence }) {
  // The ways on from its status, in the words of @dapkit/daha's evidence state machine.
  const moves = evidenceMoves(evidence.recordedStatus);
  const choices = moves.map((move) => ({ value: move.to, text: move.label, hint: move.hint }));
  const [chosen, setTo] = useState<Status | null>(null);
  // The choice only counts while it is still a way on from the current status; a single way on
  // is chosen for the user.
  const to = choices.some((choice) => choice.value === chosen)
    ? chosen
    : choices.length === 1
      ? (choices[0]?.value ?? null)
      : null;
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useFormErrors({ to: "Decision", note: "Note" });
  const transition = useMutation(
    trpc.evidence.transition.mutationOptions({
      onSuccess: async (saved) => {
        setNote("");
        setTo(null);
        setDone(moves.find((move) => move.to === saved.recordedStatus)?.done ?? null);
        await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (to == null) {
      form.check([{ field: "to", message: "Select what to do with this evidence" }]);
      return;
    }
    const input = { id: evidence.id, to, note };
    // A rejection needs its reason: a rule of the service the schema cannot state on its own.
    const ok = form.validate(contract.evidence.transition.input, input, [
      to === "rejected" && note.trim() === ""
        ? { field: "note", message: "Enter why the evidence is rejected" }
        : null,
    ]);
    if (ok) transition.mutate(input);
  }

  const heading = evidence.recordedStatus === "in_review" ? "Review this evidence" : "Next step";
  return (
    <>
      {done == null ? null : <NotificationBanner kind="success">{done}</NotificationBanner>}
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
          label="Note (optional when approving)"
          hint="This is kept in the evidence history."
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
