import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, formatDateTime, londonWallClock } from "@dapkit/schemas";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { BackLink } from "../../components/small-parts";
import { Textarea } from "../../components/textarea";
import { EMPTY_DATE } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { SessionSummary } from "./session-summary";
import { SessionTimeFields } from "./session-time-fields";
import { sessionTimes } from "./session-times";

type Session = Outputs["training"]["sessions"]["get"];

const LABELS = { date: "New date", startsAt: "Start time", endsAt: "End time", note: "Note" };

function MoveSession({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    () => ({
      date: EMPTY_DATE,
      startsAt: londonWallClock(session.startsAt).time,
      endsAt: londonWallClock(session.endsAt).time,
      note: "",
    }),
    LABELS,
  );
  usePageTitle("Move to a new date", { error: form.invalid });
  const back = `/training/sessions/${session.id}`;
  const move = useMutation(
    trpc.training.sessions.move.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        flash(back, `Session moved to ${formatDateTime(result.session.startsAt)}`);
      },
      onError: form.fromServer,
    }),
  );
  function submit() {
    const times = sessionTimes(form.values);
    const input = {
      id: session.id,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      note: form.values.note,
    };
    if (form.validate(contract.training.sessions.move.input, input, times.problems)) {
      move.mutate(input);
    }
  }
  return (
    <QuestionForm
      heading="Move to a new date"
      caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}
      errors={form.errors}
      onSubmit={submit}
      submitText="Move session"
      busy={move.isPending}
      intro={
        <>
          <SessionSummary session={session} />
          <p className="govuk-body">
            Everyone booked keeps their place and the waiting list keeps its order. Each
            person&apos;s history records the move.
          </p>
        </>
      }
    >
      <SessionTimeFields
        dateLegend="New date"
        date={form.date("date")}
        startsAt={form.text("startsAt")}
        endsAt={form.text("endsAt")}
      />
      <Textarea
        label="Note (optional)"
        hint="Why it moved; saved in each person's history"
        rows={3}
        {...form.text("note")}
      />
    </QuestionForm>
  );
}

/** Move a session that has not started to a new date and time, keeping its bookings. */
export function MoveSessionPage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}`}>Back to the session</BackLink>
      <QueryState query={query} what="session">
        {(session) => <MoveSession session={session} />}
      </QueryState>
    </>
  );
}
