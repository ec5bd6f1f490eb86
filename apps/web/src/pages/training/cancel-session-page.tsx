import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, plural } from "@dapkit/schemas";
import { hasEnded } from "@dapkit/training";

import { QueryState } from "../../components/query-state";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { ReasonConfirm } from "./reason-confirm";
import { SessionSummary } from "./session-summary";

type Session = Outputs["training"]["sessions"]["get"];

function CancelSession({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const form = useForm({ reason: "" }, { reason: "Reason" });
  usePageTitle("Cancel this session", { error: form.invalid });
  const back = `/training/sessions/${session.id}`;
  const cancel = useMutation(
    trpc.training.sessions.cancel.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(
          back,
          `Session cancelled: ${plural(result.cancelled.length, "nomination")} cancelled`,
        );
      },
      onError: form.fromServer,
    }),
  );
  const onTheSession = session.nominations.filter((row) => !hasEnded(row.state)).length;
  function confirm() {
    const input = { id: session.id, reason: form.values.reason };
    if (form.validate(contract.training.sessions.cancel.input, input)) cancel.mutate(input);
  }
  return (
    <ReasonConfirm
      caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}
      question="Cancel this session?"
      reason={{
        label: "Reason for cancelling the session",
        hint: "Everyone on the session gets this reason in their history.",
        ...form.text("reason"),
      }}
      action="Cancel session"
      busy={cancel.isPending}
      errors={form.errors}
      onConfirm={confirm}
      backTo={back}
    >
      <SessionSummary session={session} />
      <p className="govuk-body">
        Every booking is cancelled, the waiting list is cleared and nominations not yet booked are
        withdrawn: {plural(onTheSession, "person", "people")} in all. This cannot be undone.
      </p>
    </ReasonConfirm>
  );
}

/** Cancel a session that has not started, with a reason. */
export function CancelSessionPage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}`}>Back to the session</BackLink>
      <QueryState query={query} what="session">
        {(session) => <CancelSession session={session} />}
      </QueryState>
    </>
  );
}
