import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { BackLink } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { sessionWhen } from "./session-when";

type Session = Outputs["training"]["sessions"]["get"];

const LABELS = { sessionId: "Session", reason: "Why you want to attend" };

function RequestForm({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const form = useForm({ reason: "" }, LABELS);
  usePageTitle("Ask for a place", { error: form.invalid });
  const request = useMutation(
    trpc.myTraining.request.mutationOptions({
      onSuccess: async (asked) => {
        await queryClient.invalidateQueries({ queryKey: trpc.myTraining.pathKey() });
        flash(
          "/my-training",
          `You asked for a place on ${asked.courseTitle}. Your line manager will approve or decline it.`,
        );
      },
      onError: form.fromServer,
    }),
  );
  function submit() {
    const input = { sessionId: session.id, reason: form.values.reason };
    if (form.validate(contract.myTraining.request.input, input)) request.mutate(input);
  }
  return (
    <QuestionForm
      heading="Ask for a place"
      caption="My training"
      errors={form.errors}
      onSubmit={submit}
      submitText="Ask for a place"
      busy={request.isPending}
      intro={
        <SummaryList
          rows={[
            { key: "Course", value: session.courseTitle },
            { key: "When", value: sessionWhen(session) },
            { key: "Where", value: session.location },
          ]}
        />
      }
    >
      <Textarea
        label="Why you want to attend (optional)"
        hint="Your line manager reads this when deciding"
        {...form.text("reason")}
      />
    </QuestionForm>
  );
}

/** Ask for a place on one session, with a reason for the line manager. */
export function RequestPlacePage() {
  const { sessionId = "" } = useParams();
  const session = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to="/my-training/sessions">Back to sessions</BackLink>
      <QueryState query={session} what="session">
        {(found) => <RequestForm session={found} />}
      </QueryState>
    </>
  );
}
