import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, plural } from "@dapkit/schemas";
import { NOMINATION_STATE_LABELS, sessionRefusal } from "@dapkit/training";

import { Button, ButtonLink } from "../../components/button";
import { TableScroll } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";
import {
  initialMarks,
  markAll,
  markFieldId,
  marksToSave,
  OUTCOMES,
  registerEntries,
  setMark,
  tally,
  unmarkedErrors,
  type Outcome,
} from "./attendance-register";

type Session = Outputs["training"]["sessions"]["get"];

/** To the page that adds someone who signed in without a booking. */
function AddUnscheduledLink({ session }: { session: Session }) {
  return (
    <ButtonLink variant="secondary" to={`/training/sessions/${session.id}/attendance/unscheduled`}>
      Add someone who attended without a booking
    </ButtonLink>
  );
}

function Register({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const entries = registerEntries(session.nominations);
  const [marks, setMarks] = useState(() => initialMarks(entries));
  const form = useFormErrors({ marks: "Register" });
  usePageTitle("Mark attendance", { error: form.invalid });
  const save = useMutation(
    trpc.training.attendance.markMany.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(
          `/training/sessions/${session.id}`,
          `Attendance saved: ${plural(result.updated, "mark")} changed, ${plural(result.unchanged, "mark")} already recorded`,
        );
      },
      onError: form.fromServer,
    }),
  );
  const counts = tally(marks);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { sessionId: session.id, marks: marksToSave(entries, marks) };
    const ok = form.validate(
      contract.training.attendance.markMany.input,
      input,
      unmarkedErrors(entries, marks),
    );
    if (ok) save.mutate(input);
  }

  if (entries.length === 0) {
    return (
      <>
        <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
          Mark attendance
        </PageHeading>
        <p className="govuk-body">
          Nobody is booked on this session yet, so there is no register to mark.
        </p>
        <AddUnscheduledLink session={session} />
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        Mark attendance
      </PageHeading>
      <p className="govuk-body">
        Choose an outcome for each person booked on this session. Use the arrow keys to move between
        outcomes for a person, and Tab to move to the next person.
      </p>
      <AddUnscheduledLink session={session} />
      <form onSubmit={submit} noValidate>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setMarks(markAll(marks, "fully_attended"))}
        >
          Mark all as fully attended
        </button>
        <p className="govuk-body" role="status" aria-live="polite">
          {`${counts.fully_attended} fully attended, ${counts.partially_attended} partially attended, ${counts.unable_to_attend} unable to attend, ${counts.no_show} no show, ${counts.unmarked} not marked`}
        </p>
        <TableScroll labelledBy="register-caption">
          <table className="govuk-table app-register">
            <caption className="govuk-table__caption govuk-table__caption--m" id="register-caption">
              Register: {plural(entries.length, "person", "people")}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Attendance
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.map((entry) => (
                <tr className="govuk-table__row" key={entry.id}>
                  <th scope="row" className="govuk-table__header">
                    {entry.staffName}
                    <br />
                    <span className="govuk-body-s">{entry.departmentName}</span>
                  </th>
                  <td className="govuk-table__cell">
                    <Radios
                      name={markFieldId(entry.id)}
                      legend={`Attendance for ${entry.staffName}`}
                      legendSize="visually-hidden"
                      inline
                      small
                      value={marks[entry.id] ?? null}
                      onChange={(value) => setMarks(setMark(marks, entry.id, value as Outcome))}
                      error={form.errorFor(markFieldId(entry.id))}
                      choices={OUTCOMES.map((outcome) => ({
                        value: outcome,
                        text: NOMINATION_STATE_LABELS[outcome],
                      }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <InsetText>
          Saving records every mark at once. Until the session is closed you can correct a mark by
          marking the register again, or undo the last change from the session page.
        </InsetText>
        <Button busy={save.isPending}>Save attendance</Button>
      </form>
    </>
  );
}

/** Why there is no register to mark: the session has not started, is closed, or was cancelled. */
function NotYet({ session, refusal }: { session: Session; refusal: string }) {
  usePageTitle("Mark attendance");
  return (
    <>
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        Mark attendance
      </PageHeading>
      <InsetText>{refusal}</InsetText>
    </>
  );
}

export function AttendancePage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}`}>Back to the session</BackLink>
      <QueryState query={query} what="register">
        {(session) => {
          const refusal = sessionRefusal(session, "markAttendance", new Date());
          return refusal == null ? (
            <Register session={session} />
          ) : (
            <NotYet session={session} refusal={refusal} />
          );
        }}
      </QueryState>
    </>
  );
}
