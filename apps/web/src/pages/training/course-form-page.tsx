import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { required, useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Course = Outputs["training"]["listCourses"][number];

const LABELS = {
  title: "Course title",
  level: "Level",
  refresherIntervalMonths: "Refresher interval",
  description: "Description",
};

function CourseForm({ course }: { course: Course | undefined }) {
  const flash = useNavigateWithFlash();
  const [title, setTitle] = useState(course?.title ?? "");
  const [level, setLevel] = useState(course === undefined ? "" : String(course.level));
  const [refresher, setRefresher] = useState(course?.refresherIntervalMonths?.toString() ?? "");
  const [description, setDescription] = useState(course?.description ?? "");
  const form = useFormErrors(LABELS);
  usePageTitle(course === undefined ? "Add a course" : "Change a course", { error: form.invalid });

  const done = async (saved: Course) => {
    await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
    flash("/training/courses", `${saved.title} ${course === undefined ? "added" : "saved"}`);
  };
  const create = useMutation(
    trpc.training.createCourse.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.training.updateCourse.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const months = refresher.trim() === "" ? null : Number(refresher);
    const ok = form.check([
      required("title", title, "Enter the course title"),
      level === "" ? { field: "level", message: "Select the course level" } : null,
      months != null && (!Number.isInteger(months) || months < 1)
        ? {
            field: "refresherIntervalMonths",
            message: "Refresher interval must be a whole number of months, like 12",
          }
        : null,
    ]);
    if (!ok) return;
    const data = { title, level: Number(level), refresherIntervalMonths: months, description };
    if (course === undefined) create.mutate(data);
    else update.mutate({ id: course.id, data });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <h1 className="govuk-heading-l">
          {course === undefined ? "Add a course" : `Change ${course.title}`}
        </h1>
        <form onSubmit={submit} noValidate>
          <TextInput
            name="title"
            label="Course title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={form.errorFor("title")}
          />
          <Radios
            name="level"
            legend="Level"
            hint="Level 1 is awareness for all staff; higher levels are for specialist roles."
            value={level}
            onChange={setLevel}
            error={form.errorFor("level")}
            inline
            choices={["1", "2", "3", "4"].map((value) => ({ value, text: `Level ${value}` }))}
          />
          <TextInput
            name="refresherIntervalMonths"
            label="Refresher interval in months (optional)"
            hint="How long before staff should take the course again. Leave empty if there is no refresher."
            inputMode="numeric"
            className="govuk-input--width-4"
            value={refresher}
            onChange={(event) => setRefresher(event.target.value)}
            error={form.errorFor("refresherIntervalMonths")}
          />
          <Textarea
            name="description"
            label="Description (optional)"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            error={form.errorFor("description")}
          />
          <Button busy={create.isPending || update.isPending}>Save course</Button>
        </form>
      </div>
    </div>
  );
}

export function CourseFormPage() {
  const { courseId } = useParams();
  const courses = useQuery(trpc.training.listCourses.queryOptions());
  return (
    <>
      <BackLink to="/training/courses">Back to courses</BackLink>
      {courseId === undefined ? (
        <CourseForm course={undefined} />
      ) : (
        <QueryState query={courses} what="course">
          {(list) => {
            const found = list.find((item) => item.id === courseId);
            return found === undefined ? <NotFoundContent /> : <CourseForm course={found} />;
          }}
        </QueryState>
      )}
    </>
  );
}
