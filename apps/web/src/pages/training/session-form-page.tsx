import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { londonWallClock } from "@dapkit/schemas";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { partsFromIso, EMPTY_DATE } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { SessionEligibilityFields } from "./session-eligibility-fields";
import { eligibilityInput, typedEligibility } from "./session-eligibility-form";
import { SessionTimeFields } from "./session-time-fields";
import { sessionTimes } from "./session-times";

type Session = Outputs["training"]["sessions"]["get"];

const LABELS = {
  courseId: "Course",
  date: "Date",
  startsAt: "Start time",
  endsAt: "End time",
  capacity: "Number of places",
  location: "Location",
  trainer: "Trainer",
  openTo: "Who may book",
  agencies: "Agencies",
  reservedUntil: "Reserved places released on",
  nonMemberPricePence: "Price of a place for non-members",
};

/**
 * In a partnership, the agencies a session may be opened to: current ones, and any archived
 * since the session chose them (which stay on it).
 */
function usePartnershipAgencies(session: Session | undefined) {
  const settings = useQuery(trpc.partnership.settings.get.queryOptions());
  const partnership = settings.data?.runsAsPartnership === true;
  const list = useQuery({
    ...trpc.partnership.agencies.list.queryOptions({ includeArchived: true }),
    enabled: partnership,
  });
  const onSession = new Set(session?.agencies.map((row) => row.agencyId));
  const agencies = (list.data ?? []).filter(
    (agency) => agency.archivedAt == null || onSession.has(agency.id),
  );
  return { partnership, agencies };
}

function SessionForm({ session }: { session: Session | undefined }) {
  const flash = useNavigateWithFlash();
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  const form = useForm(() => {
    const start = session === undefined ? undefined : londonWallClock(session.startsAt);
    return {
      courseId: session?.courseId ?? "",
      date: start === undefined ? EMPTY_DATE : partsFromIso(start.date),
      startsAt: start?.time ?? "",
      endsAt: session === undefined ? "" : londonWallClock(session.endsAt).time,
      capacity: session === undefined ? "" : String(session.capacity),
      location: session?.location ?? "",
      trainer: session?.trainer ?? "",
    };
  }, LABELS);
  const { partnership, agencies } = usePartnershipAgencies(session);
  const [eligibility, setEligibility] = useState(() => typedEligibility(session));
  const title = session === undefined ? "Add a training session" : "Change a training session";
  usePageTitle(title, { error: form.invalid });

  const done = async (saved: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
    flash(
      `/training/sessions/${saved.id}`,
      session === undefined ? "Session added" : "Session saved",
    );
  };
  const create = useMutation(
    trpc.training.sessions.create.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.training.sessions.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { courseId, date, startsAt, endsAt, capacity, location, trainer } = form.values;
    const places = Number(capacity);
    const times = sessionTimes({ date, startsAt, endsAt });
    // What was typed that cannot become the input at all; the schema checks the rest.
    const problems = [
      session === undefined && courseId === ""
        ? { field: "courseId", message: "Select a course" }
        : null,
      ...times.problems,
      capacity.trim() === "" || Number.isNaN(places)
        ? { field: "capacity", message: "Number of places must be a whole number, like 20" }
        : null,
    ];
    // Who may book is a partnership's to say; elsewhere the server keeps its default.
    const open = partnership ? eligibilityInput(eligibility, agencies) : null;
    problems.push(...(open?.problems ?? []));
    const data = {
      startsAt: times.startsAt,
      endsAt: times.endsAt,
      capacity: places,
      location,
      trainer,
      ...open?.input,
    };
    if (session === undefined) {
      const input = { ...data, courseId };
      if (form.validate(contract.training.sessions.create.input, input, problems)) {
        create.mutate(input);
      }
    } else {
      const input = { id: session.id, data };
      if (form.validate(contract.training.sessions.update.input, input, problems)) {
        update.mutate(input);
      }
    }
  }

  return (
    <QuestionForm
      heading={title}
      errors={form.errors}
      onSubmit={submit}
      submitText="Save session"
      busy={create.isPending || update.isPending}
    >
      {session === undefined ? (
        <Select
          label="Course"
          options={[
            { value: "", text: "Choose a course" },
            // An archived course is offered for no new sessions.
            ...(courses.data ?? [])
              .filter((course) => course.archivedAt == null)
              .map((course) => ({ value: course.id, text: course.title })),
          ]}
          {...form.text("courseId")}
        />
      ) : (
        <p className="govuk-body">
          Course: <strong>{session.courseTitle}</strong>
        </p>
      )}
      <SessionTimeFields
        dateLegend="Date"
        date={form.date("date")}
        startsAt={form.text("startsAt")}
        endsAt={form.text("endsAt")}
      />
      <TextInput
        label="Number of places"
        inputMode="numeric"
        className="govuk-input--width-4"
        {...form.text("capacity")}
      />
      <TextInput label="Location" {...form.text("location")} />
      <TextInput label="Trainer" {...form.text("trainer")} />
      {partnership ? (
        <SessionEligibilityFields
          agencies={agencies}
          typed={eligibility}
          onChange={setEligibility}
          errorFor={form.errorFor}
        />
      ) : null}
    </QuestionForm>
  );
}

function EditSession({ id }: { id: string }) {
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id }));
  return (
    <QueryState query={query} what="session">
      {(session) => <SessionForm session={session} />}
    </QueryState>
  );
}

export function SessionFormPage() {
  const { sessionId } = useParams();
  return (
    <>
      <BackLink to={sessionId === undefined ? "/training" : `/training/sessions/${sessionId}`}>
        Back
      </BackLink>
      {sessionId === undefined ? (
        <SessionForm session={undefined} />
      ) : (
        <EditSession id={sessionId} />
      )}
    </>
  );
}
