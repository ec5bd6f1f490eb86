import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { contract, LEARNING_OUTCOMES_MAX } from "@dapkit/contract";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc } from "../../trpc";

const LABELS = { courseId: "Course", outcomes: "Learning outcomes" };

/** The outcomes typed one a line, blank lines left out. */
function outcomeLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function OutcomesForm({ courses }: { courses: readonly { id: string; title: string }[] }) {
  const flash = useNavigateWithFlash();
  const [loadedFor, setLoadedFor] = useState("");
  const form = useForm({ courseId: courses[0]?.id ?? "", outcomes: "" }, LABELS);
  usePageTitle("Learning outcomes", { error: form.invalid });
  const current = useQuery({
    ...trpc.evaluation.outcomes.get.queryOptions({ courseId: form.values.courseId }),
    enabled: form.values.courseId !== "",
  });
  // The textarea starts with the chosen course's outcomes, once each time the course changes.
  if (current.data != null && loadedFor !== current.data.courseId) {
    setLoadedFor(current.data.courseId);
    form.set("outcomes", current.data.outcomes.map((outcome) => outcome.statement).join("\n"));
  }
  const save = useMutation(
    trpc.evaluation.outcomes.set.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
        flash(
          "/partnership/evaluation",
          `The learning outcomes of ${saved.courseTitle} were saved.`,
        );
      },
      onError: form.fromServer,
    }),
  );
  function submit() {
    const input = { courseId: form.values.courseId, outcomes: outcomeLines(form.values.outcomes) };
    if (form.validate(contract.evaluation.outcomes.set.input, input)) save.mutate(input);
  }
  return (
    <QuestionForm
      heading="Learning outcomes"
      caption="Evaluation"
      errors={form.errors}
      onSubmit={submit}
      submitText="Save learning outcomes"
      busy={save.isPending}
      intro={
        <p className="govuk-body">
          Each questionnaire asks people how confident they are about each outcome, from 1 to 5. An
          outcome you take off is no longer asked; its answers so far stay in the results.
        </p>
      }
    >
      <Select
        label="Course"
        options={courses.map((course) => ({ value: course.id, text: course.title }))}
        {...form.text("courseId")}
      />
      <Textarea
        label="Learning outcomes"
        hint={`One a line, up to ${LEARNING_OUTCOMES_MAX}. For example: Recognise the signs of coercive control.`}
        rows={8}
        {...form.text("outcomes")}
      />
    </QuestionForm>
  );
}

/** Sets a course's learning outcomes, which its questionnaires ask about. */
export function LearningOutcomesPage() {
  const courses = useQuery(trpc.training.courses.list.queryOptions());
  return (
    <>
      <BackLink to="/partnership/evaluation">Back to evaluation</BackLink>
      <QueryState query={courses} what="courses">
        {(found) => <OutcomesForm courses={found.filter((course) => course.archivedAt == null)} />}
      </QueryState>
    </>
  );
}
