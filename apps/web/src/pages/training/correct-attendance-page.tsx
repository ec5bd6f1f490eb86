import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, type AttendanceOutcome } from "@dapkit/schemas";
import { NOMINATION_STATE_LABELS, sessionRefusal } from "@dapkit/training";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Radios } from "../../components/radios";
import { BackLink, InsetText } from "../../components/small-parts";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { OUTCOMES } from "./attendance-register";

type Nomination = Outputs["training"]["nominations"]["get"];
type Session = Outputs["training"]["sessions"]["get"];

const LABELS = { outcome: "Attendance", note: "Reason" };

/**
 * Corrects one person's attendance on a closed session: HR only, with a reason the server
 * requires and keeps in the person's history.
 */
function CorrectForm({ nomination, session }: { nomination: Nomination; session: Session }) {
  const flash = useNavigateWithFlash();
  const form = useForm({ outcome: nomination.state, note: "" }, LABELS);
  usePageTitle("Correct attendance", { error: form.invalid });
  const back = `/training/nominations/${nomination.id}`;
  const mark = useMutation(
    trpc.training.attendance.mark.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(back, `${nomination.staffName}'s attendance corrected`);
      },
      onError: form.fromServer,
    }),
  );
  const refusal = sessionRefusal(session, "correctAttendance", new Date());
  if (refusal != null) return <InsetText>{refusal}</InsetText>;
  function submit() {
    // The choice is one of the outcomes the radios offer; the schema checks it all the same.
    const input = {
      nominationId: nomination.id,
      outcome: form.values.outcome as AttendanceOutcome,
      note: form.values.note,
    };
    if (form.validate(contract.training.attendance.mark.input, input)) mark.mutate(input);
  }
  return (
    <QuestionForm
      heading={`Correct ${nomination.staffName}'s attendance`}
      caption={`${nomination.courseTitle}, ${formatDate(nomination.startsAt)}`}
      errors={form.errors}
      onSubmit={submit}
      submitText="Save correction"
      busy={mark.isPending}
      intro={
        <p className="govuk-body">
          This session is closed, so its attendance is final: a correction needs a reason, which is
          kept in {nomination.staffName}&apos;s history.
        </p>
      }
    >
      <Radios
        legend="Attendance"
        choices={OUTCOMES.map((outcome) => ({
          value: outcome,
          text: NOMINATION_STATE_LABELS[outcome],
        }))}
        {...form.choice("outcome")}
      />
      <Textarea label="Reason for the correction" rows={3} {...form.text("note")} />
    </QuestionForm>
  );
}

function WithSession({ nomination }: { nomination: Nomination }) {
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: nomination.sessionId }));
  return (
    <QueryState query={query} what="session">
      {(session) => <CorrectForm nomination={nomination} session={session} />}
    </QueryState>
  );
}

/** Correct one person's attendance once their session is closed. */
export function CorrectAttendancePage() {
  const { nominationId = "" } = useParams();
  const query = useQuery(trpc.training.nominations.get.queryOptions({ id: nominationId }));
  return (
    <>
      <BackLink to={`/training/nominations/${nominationId}`}>Back to the nomination</BackLink>
      <QueryState query={query} what="nomination">
        {(nomination) => <WithSession nomination={nomination} />}
      </QueryState>
    </>
  );
}
