import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate } from "@dapkit/schemas";

import { QueryState } from "../../components/query-state";
import { BackLink } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { PersonPicker } from "./person-picker";
import { ReasonConfirm } from "./reason-confirm";

type Nomination = Outputs["training"]["nominations"]["get"];

function SendSubstitute({ nomination }: { nomination: Nomination }) {
  const flash = useNavigateWithFlash();
  const form = useForm({ reason: "" }, { reason: "Reason", staffId: "Substitute" });
  const [staffId, setStaffId] = useState<string | null>(null);
  const question = `Send a substitute in ${nomination.staffName}'s place?`;
  usePageTitle(question, { error: form.invalid });
  const back = `/training/sessions/${nomination.sessionId}`;
  const send = useMutation(
    trpc.training.nominations.substitute.mutationOptions({
      onSuccess: async ({ substitute }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(back, `${substitute.staffName} is booked in ${nomination.staffName}'s place`);
      },
      onError: form.fromServer,
    }),
  );
  function confirm() {
    const input = {
      nominationId: nomination.id,
      staffId: staffId ?? "",
      reason: form.values.reason,
    };
    const problems = [
      staffId == null ? { field: "staffId", message: "Choose the substitute" } : null,
    ];
    if (form.validate(contract.training.nominations.substitute.input, input, problems)) {
      send.mutate(input);
    }
  }
  return (
    <ReasonConfirm
      caption={`${nomination.courseTitle}, ${formatDate(nomination.startsAt)}`}
      question={question}
      reason={{
        label: "Reason for sending a substitute",
        hint: `Saved in both people's histories.`,
        ...form.text("reason"),
      }}
      action="Send substitute"
      busy={send.isPending}
      errors={form.errors}
      onConfirm={confirm}
      backTo={back}
    >
      <SummaryList
        rows={[
          { key: "Booked", value: nomination.staffName },
          { key: "Department", value: nomination.departmentName },
        ]}
      />
      <p className="govuk-body">
        {nomination.staffName}&apos;s booking is cancelled and the substitute takes the same place.
        Sending a substitute before the session starts is free. In a partnership the substitute must
        work for the same agency.
      </p>
      <PersonPicker
        sessionId={nomination.sessionId}
        legend="Substitute"
        value={staffId}
        onChange={setStaffId}
        error={form.errorFor("staffId")}
      />
    </ReasonConfirm>
  );
}

/** Send a substitute in a booked person's place: choose who, give a reason, confirm. */
export function SubstitutePage() {
  const { nominationId = "" } = useParams();
  const query = useQuery(trpc.training.nominations.get.queryOptions({ id: nominationId }));
  return (
    <>
      <BackLink to={`/training/nominations/${nominationId}`}>Back to the nomination</BackLink>
      <QueryState query={query} what="nomination">
        {(nomination) =>
          nomination.state === "booked" ? (
            <SendSubstitute nomination={nomination} />
          ) : (
            <p className="govuk-body">
              Only a booked place can go to a substitute, and {nomination.staffName} is not booked.
            </p>
          )
        }
      </QueryState>
    </>
  );
}
