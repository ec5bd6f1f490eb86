import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate } from "@dapkit/schemas";
import { NOMINATION_ACTIONS, nominationActions } from "@dapkit/training";

import { QueryState } from "../../components/query-state";
import { BackLink } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { ReasonConfirm } from "./reason-confirm";

type Nomination = Outputs["training"]["nominations"]["get"];
type Ending = "cancel" | "decline";

// "cancelling", "declining": the reason's label and the refusal read the same on both pages.
const DOING: Readonly<Record<Ending, string>> = { cancel: "cancelling", decline: "declining" };

function EndNomination({ nomination, action }: { nomination: Nomination; action: Ending }) {
  const flash = useNavigateWithFlash();
  const words = NOMINATION_ACTIONS[action];
  const form = useForm({ note: "" }, { note: "Reason" });
  const question = `${words.label} ${nomination.staffName}'s nomination?`;
  usePageTitle(question, { error: form.invalid });
  const back = `/training/sessions/${nomination.sessionId}`;
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      flash(back, `${nomination.staffName}'s nomination ${words.done}`);
    },
    onError: form.fromServer,
  };
  const cancel = useMutation(trpc.training.nominations.cancel.mutationOptions(options));
  const decline = useMutation(trpc.training.nominations.decline.mutationOptions(options));
  function confirm() {
    const input = { id: nomination.id, note: form.values.note };
    const procedure = action === "cancel" ? cancel : decline;
    if (form.validate(contract.training.nominations[action].input, input)) procedure.mutate(input);
  }
  return (
    <ReasonConfirm
      caption={`${nomination.courseTitle}, ${formatDate(nomination.startsAt)}`}
      question={question}
      reason={{
        label: `Reason for ${DOING[action]}`,
        hint: `Saved in ${nomination.staffName}'s history.`,
        ...form.text("note"),
      }}
      action={`${words.label} nomination`}
      busy={cancel.isPending || decline.isPending}
      errors={form.errors}
      onConfirm={confirm}
      backTo={back}
    >
      <SummaryList
        rows={[
          { key: "Name", value: nomination.staffName },
          { key: "Department", value: nomination.departmentName },
          { key: "Status", value: <StatusTag status={nomination.state} /> },
        ]}
      />
      <p className="govuk-body">
        Their place, if they have one, goes to the first person on the waiting list. They can be
        nominated for this session again later.
      </p>
    </ReasonConfirm>
  );
}

function EndNominationPage({ action }: { action: Ending }) {
  const { nominationId = "" } = useParams();
  const query = useQuery(trpc.training.nominations.get.queryOptions({ id: nominationId }));
  return (
    <>
      <BackLink to={`/training/nominations/${nominationId}`}>Back to the nomination</BackLink>
      <QueryState query={query} what="nomination">
        {(nomination) =>
          nominationActions(nomination.state).includes(action) ? (
            <EndNomination nomination={nomination} action={action} />
          ) : (
            <p className="govuk-body">
              This nomination is <StatusTag status={nomination.state} />, so it cannot be{" "}
              {NOMINATION_ACTIONS[action].done}.
            </p>
          )
        }
      </QueryState>
    </>
  );
}

/** Cancel one nomination: a confirmation page with a required reason. */
export function CancelNominationPage() {
  return <EndNominationPage action="cancel" />;
}

/** Decline one nomination: a confirmation page with a required reason. */
export function DeclineNominationPage() {
  return <EndNominationPage action="decline" />;
}
