import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate } from "@dapkit/schemas";

import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Radios } from "../../components/radios";
import { BackLink } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

type TeamRequest = Outputs["myTraining"]["teamRequests"]["items"][number];

const LABELS = { decision: "Decision", note: "Reason" };

// Requests awaiting a decision: a line manager's team asks for far fewer than a page holds.
const WAITING = { page: 1, pageSize: 200 } as const;

function DecideForm({ request }: { request: TeamRequest }) {
  const flash = useNavigateWithFlash();
  const form = useForm({ decision: null as string | null, note: "" }, LABELS);
  usePageTitle("Decide a training request", { error: form.invalid });
  const done = async (decided: TeamRequest) => {
    await queryClient.invalidateQueries({ queryKey: trpc.myTraining.pathKey() });
    const what = decided.state === "approved" ? "approved: HR will book the place" : "declined";
    flash("/my-training/team-requests", `${decided.staffName}'s request ${what}`);
  };
  const approve = useMutation(
    trpc.myTraining.approve.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const decline = useMutation(
    trpc.myTraining.decline.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  function submit() {
    const { decision, note } = form.values;
    const input = { id: request.nominationId, note };
    if (decision === "approve") {
      if (form.validate(contract.myTraining.approve.input, input)) approve.mutate(input);
    } else if (decision === "decline") {
      if (form.validate(contract.myTraining.decline.input, input)) decline.mutate(input);
    } else {
      form.check([{ field: "decision", message: "Select whether to approve or decline" }]);
    }
  }
  return (
    <QuestionForm
      heading={`Decide ${request.staffName}'s request`}
      caption="Your team's requests"
      errors={form.errors}
      onSubmit={submit}
      submitText="Save decision"
      busy={approve.isPending || decline.isPending}
      intro={
        <SummaryList
          rows={[
            { key: "Name", value: `${request.staffName}, ${request.jobTitle}` },
            { key: "Course", value: request.courseTitle },
            { key: "Session date", value: formatDate(request.startsAt) },
            { key: "Their reason", value: request.reason === "" ? "None given" : request.reason },
          ]}
        />
      }
    >
      <Radios
        legend="Your decision"
        choices={[
          { value: "approve", text: "Approve", hint: "HR then books their place" },
          { value: "decline", text: "Decline", hint: "They are told your reason" },
        ]}
        {...form.choice("decision")}
      />
      <Textarea
        label="Reason (needed if you decline)"
        hint="Saved in the request's history"
        {...form.text("note")}
      />
    </QuestionForm>
  );
}

/** Approve or decline one of the team's requests. */
export function DecideRequestPage() {
  const { nominationId = "" } = useParams();
  const query = useQuery(trpc.myTraining.teamRequests.queryOptions(WAITING));
  return (
    <>
      <BackLink to="/my-training/team-requests">Back to your team&apos;s requests</BackLink>
      <QueryState query={query} what="request">
        {(result) => {
          const found = result.items.find((item) => item.nominationId === nominationId);
          return found === undefined ? <NotFoundContent /> : <DecideForm request={found} />;
        }}
      </QueryState>
    </>
  );
}
