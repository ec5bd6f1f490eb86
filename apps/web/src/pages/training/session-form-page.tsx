import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { Button } from "../../components/button";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import type { FieldError } from "../../lib/api-errors";
import { isoFromParts, partsFromIso, EMPTY_DATE } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { isoToLondon, londonToIso, parseTime } from "../../lib/london-time";
import { usePageTitle } from "../../lib/page-title";
import { required, useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["getSession"];

const LABELS = {
  courseId: "Course",
  date: "Date",
  startsAt: "Start time",
  endsAt: "End time",
  capacity: "Number of places",
  location: "Location",
  trainer: "Trainer",
};

function timeError(field: string, text: string, label: string): FieldError | null {
  if (text.trim() === "") return { field, message: `Enter the ${label.toLowerCase()}` };
  return parseTime(text) == null
    ? { field, message: `${label} must be a time, like 9:30am or 14:00` }
    : null;
}

function SessionForm({ session }: { session: Session | undefined }) {
  const flash = useNavigateWithFlash();
  const courses = useQuery(trpc.training.listCourses.queryOptions());
  const start = session === undefined ? undefined : isoToLondon(session.startsAt);
  const [courseId, setCourseId] = useState(session?.courseId ?? "");
  const [date, setDate] = useState(start === undefined ? EMPTY_DATE : partsFromIso(start.date));
  const [startTime, setStartTime] = useState(start?.time ?? "");
  const [endTime, setEndTime] = useState(
    session === undefined ? "" : isoToLondon(session.endsAt).time,
  );
  const [capacity, setCapacity] = useState(session === undefined ? "" : String(session.capacity));
  const [location, setLocation] = useState(session?.location ?? "");
  const [trainer, setTrainer] = useState(session?.trainer ?? "");
  const form = useFormErrors(LABELS);
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
    trpc.training.createSession.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.training.updateSession.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const day = isoFromParts(date, "Date");
    const places = Number(capacity);
    const ok = form.check([
      session === undefined && courseId === ""
        ? { field: "courseId", message: "Select a course" }
        : null,
      "error" in day ? { field: "date", message: day.error } : null,
      timeError("startsAt", startTime, "Start time"),
      timeError("endsAt", endTime, "End time"),
      capacity.trim() === "" || !Number.isInteger(places) || places < 1
        ? { field: "capacity", message: "Number of places must be a whole number, like 20" }
        : null,
      required("location", location, "Enter where the session is held"),
      required("trainer", trainer, "Enter who is running the session"),
    ]);
    if (!ok || !("iso" in day)) return;
    const data = {
      startsAt: londonToIso(day.iso, parseTime(startTime) ?? ""),
      endsAt: londonToIso(day.iso, parseTime(endTime) ?? ""),
      capacity: places,
      location,
      trainer,
    };
    if (session === undefined) create.mutate({ ...data, courseId });
    else update.mutate({ id: session.id, data });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={submit} noValidate>
          {session === undefined ? (
            <Select
              name="courseId"
              label="Course"
              value={courseId}
              onChange={(event) => setCourseId(event.target.value)}
              error={form.errorFor("courseId")}
              options={[
                { value: "", text: "Choose a course" },
                ...(courses.data ?? []).map((course) => ({ value: course.id, text: course.title })),
              ]}
            />
          ) : (
            <p className="govuk-body">
              Course: <strong>{session.courseTitle}</strong>
            </p>
          )}
          <DateInput
            name="date"
            legend="Date"
            value={date}
            onChange={setDate}
            error={form.errorFor("date")}
          />
          <TextInput
            name="startsAt"
            label="Start time"
            hint="For example, 9:30am or 14:00"
            className="govuk-input--width-5"
            value={startTime}
            onChange={(event) => setStartTime(event.target.value)}
            error={form.errorFor("startsAt")}
          />
          <TextInput
            name="endsAt"
            label="End time"
            className="govuk-input--width-5"
            value={endTime}
            onChange={(event) => setEndTime(event.target.value)}
            error={form.errorFor("endsAt")}
          />
          <TextInput
            name="capacity"
            label="Number of places"
            inputMode="numeric"
            className="govuk-input--width-4"
            value={capacity}
            onChange={(event) => setCapacity(event.target.value)}
            error={form.errorFor("capacity")}
          />
          <TextInput
            name="location"
            label="Location"
            value={location}
            onChange={(event) => setLocation(event.target.value)}
            error={form.errorFor("location")}
          />
          <TextInput
            name="trainer"
            label="Trainer"
            value={trainer}
            onChange={(event) => setTrainer(event.target.value)}
            error={form.errorFor("trainer")}
          />
          <Button busy={create.isPending || update.isPending}>Save session</Button>
        </form>
      </div>
    </div>
  );
}

function EditSession({ id }: { id: string }) {
  const query = useQuery(trpc.training.getSession.queryOptions({ id }));
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
