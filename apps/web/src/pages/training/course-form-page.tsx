import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";

import { NotFoundContent } from "../../components/error-pages";
import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Radios } from "../../components/radios";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Course = Outputs["training"]["courses"]["list"][number];
type FrameworkLevel = Outputs["trainingFramework"]["get"]["levels"][number];

// Without a framework of its own, an organisation's courses take the usual levels 1 to 4.
const USUAL_LEVELS: readonly FrameworkLevel[] = [1, 2, 3, 4].map((level) => ({
  level,
  name: "",
  defaultRefresherMonths: null,
}));

const LABELS = {
  title: "Course title",
  level: "Level",
  refresherIntervalMonths: "Refresher interval",
  description: "Description",
};

function CourseForm({
  course,
  levels,
}: {
  course: Course | undefined;
  levels: readonly FrameworkLevel[];
}) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    {
      title: course?.title ?? "",
      level: course === undefined ? null : String(course.level),
      refresherIntervalMonths: course?.refresherIntervalMonths?.toString() ?? "",
      description: course?.description ?? "",
    },
    LABELS,
  );
  const heading = course === undefined ? "Add a course" : `Change ${course.title}`;
  usePageTitle(course === undefined ? "Add a course" : "Change a course", { error: form.invalid });

  const done = async (saved: Course) => {
    await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
    flash("/training/courses", `${saved.title} ${course === undefined ? "added" : "saved"}`);
  };
  const create = useMutation(
    trpc.training.courses.create.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.training.courses.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { title, level, refresherIntervalMonths, description } = form.values;
    const months = refresherIntervalMonths.trim() === "" ? null : Number(refresherIntervalMonths);
    // What was typed that cannot become the input at all; the schema checks the rest.
    const problems = [
      level == null ? { field: "level", message: "Select the course level" } : null,
      months != null && Number.isNaN(months)
        ? {
            field: "refresherIntervalMonths",
            message: "Refresher interval must be a whole number of months, like 12",
          }
        : null,
    ];
    const data = { title, level: Number(level), refresherIntervalMonths: months, description };
    if (course === undefined) {
      if (form.validate(contract.training.courses.create.input, data, problems))
        create.mutate(data);
    } else {
      const input = { id: course.id, data };
      if (form.validate(contract.training.courses.update.input, input, problems))
        update.mutate(input);
    }
  }

  return (
    <QuestionForm
      heading={heading}
      errors={form.errors}
      onSubmit={submit}
      submitText="Save course"
      busy={create.isPending || update.isPending}
    >
      <TextInput label="Course title" {...form.text("title")} />
      <Radios
        legend="Level"
        hint="The level of the training framework the course belongs to. Level 1 is awareness for all staff; higher levels are for specialist roles."
        inline={levels.every((row) => row.name === "")}
        choices={levels.map((row) => ({
          value: String(row.level),
          text:
            row.name === ""
              ? `Level ${String(row.level)}`
              : `Level ${String(row.level)}: ${row.name}`,
        }))}
        {...form.choice("level")}
        onChange={(value) => {
          form.set("level", value);
          // A new course starts with its level's refresher interval unless one was typed.
          const months = levels.find((row) => String(row.level) === value)?.defaultRefresherMonths;
          if (course === undefined && form.values.refresherIntervalMonths === "" && months != null)
            form.set("refresherIntervalMonths", String(months));
        }}
      />
      <TextInput
        label="Refresher interval in months (optional)"
        hint="How long before staff should take the course again. Leave empty if there is no refresher."
        inputMode="numeric"
        className="govuk-input--width-4"
        {...form.text("refresherIntervalMonths")}
      />
      <Textarea label="Description (optional)" {...form.text("description")} />
    </QuestionForm>
  );
}

export function CourseFormPage() {
  const { courseId } = useParams();
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  // The framework's levels when it has them; the form does not wait on (or fail with) it.
  const framework = useQuery(trpc.trainingFramework.get.queryOptions());
  const framed = framework.data?.levels ?? [];
  const levels = framed.length > 0 ? framed : USUAL_LEVELS;
  return (
    <>
      <BackLink to="/training/courses">Back to courses</BackLink>
      {courseId === undefined ? (
        <CourseForm course={undefined} levels={levels} />
      ) : (
        <QueryState query={courses} what="course">
          {(list) => {
            const found = list.find((item) => item.id === courseId);
            return found === undefined ? (
              <NotFoundContent />
            ) : (
              <CourseForm course={found} levels={levels} />
            );
          }}
        </QueryState>
      )}
    </>
  );
}
