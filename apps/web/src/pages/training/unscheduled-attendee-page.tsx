import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate } from "@dapkit/schemas";
import { NOMINATION_STATE_LABELS, sessionRefusal } from "@dapkit/training";

import { Button, ButtonGroup } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { PersonPicker } from "./person-picker";

type Session = Outputs["training"]["sessions"]["get"];

const TITLE = "Add someone who attended without a booking";
const ATTENDED = ["fully_attended", "partially_attended"] as const;

function AddAttendee({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    { outcome: "fully_attended" },
    { staffId: "Who attended", outcome: "Attendance" },
  );
  const [staffId, setStaffId] = useState<string | null>(null);
  usePageTitle(TITLE, { error: form.invalid });
  const register = `/training/sessions/${session.id}/attendance`;
  const add = useMutation(
    trpc.training.attendance.addUnscheduled.mutationOptions({
      onSuccess: async (added) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(register, `${added.staffName} added to the register as attended without a booking`);
      },
      onError: form.fromServer,
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      sessionId: session.id,
      staffId: staffId ?? "",
      outcome: (form.values.outcome ?? "fully_attended") as (typeof ATTENDED)[number],
    };
    const problems = [
      staffId == null ? { field: "staffId", message: "Choose who attended" } : null,
    ];
    if (form.validate(contract.training.attendance.addUnscheduled.input, input, problems)) {
      add.mutate(input);
    }
  }
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        {TITLE}
      </PageHeading>
      <p className="govuk-body">
        For someone who signed in on the day but was not booked. They are recorded as an unscheduled
        attendee, with a note in their history.
      </p>
      <PersonPicker
        sessionId={session.id}
        legend="Who attended"
        value={staffId}
        onChange={setStaffId}
        error={form.errorFor("staffId")}
      />
      <form onSubmit={submit} noValidate>
        <Radios
          legend="Attendance"
          legendSize="s"
          inline
          choices={ATTENDED.map((value) => ({ value, text: NOMINATION_STATE_LABELS[value] }))}
          {...form.choice("outcome")}
        />
        <ButtonGroup>
          <Button busy={add.isPending}>Add to the register</Button>
          <Link className="govuk-link" to={register}>
            Go back without changing anything
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}

/** Add someone who signed in without a booking, from the session's start until it is closed. */
export function UnscheduledAttendeePage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}/attendance`}>Back to the register</BackLink>
      <QueryState query={query} what="session">
        {(session) => {
          const refusal = sessionRefusal(session, "markAttendance", new Date());
          return refusal == null ? (
            <AddAttendee session={session} />
          ) : (
            <InsetText>{refusal}</InsetText>
          );
        }}
      </QueryState>
    </>
  );
}
