import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { ConfirmAction } from "../../components/confirm-action";
import { QueryState } from "../../components/query-state";
import { BackLink } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { SessionSummary } from "./session-summary";

type Session = Outputs["training"]["sessions"]["get"];

function CloseSession({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  usePageTitle("Close this session");
  const back = `/training/sessions/${session.id}`;
  const close = useMutation(
    trpc.training.sessions.close.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        flash(back, "Session closed: its attendance is final");
      },
    }),
  );
  return (
    <ConfirmAction
      question="Close this session?"
      action="Close session"
      busy={close.isPending}
      error={close.error}
      onConfirm={() => close.mutate({ id: session.id })}
      cancelTo={back}
    >
      <SessionSummary session={session} />
      <p className="govuk-body">
        Closing needs an attendance outcome for everyone booked. After that, only HR can change a
        mark, giving a reason that is kept in the person&apos;s history.
      </p>
    </ConfirmAction>
  );
}

/** Close a session that has been held, once every booking has an outcome. */
export function CloseSessionPage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}`}>Back to the session</BackLink>
      <QueryState query={query} what="session">
        {(session) => <CloseSession session={session} />}
      </QueryState>
    </>
  );
}
