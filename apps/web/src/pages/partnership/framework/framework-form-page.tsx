import { useMutation, useQuery } from "@tanstack/react-query";

import { contract } from "@dapkit/contract";

import { Fieldset } from "../../../components/fieldset";
import { QueryState } from "../../../components/query-state";
import { QuestionForm } from "../../../components/question-form";
import { BackLink } from "../../../components/small-parts";
import { TextInput } from "../../../components/text-input";
import { useNavigateWithFlash } from "../../../lib/flash";
import { usePageTitle } from "../../../lib/page-title";
import { useForm } from "../../../lib/use-form";
import { trpc } from "../../../trpc";
import { frameworkChanged, type Framework } from "./framework-data";

// Courses carry a level from 1 to 4, so the framework offers those four.
const LEVELS = [1, 2, 3, 4] as const;
const LABELS = { name: "Framework name", levels: "Levels" };

function FrameworkForm({ framework }: { framework: Framework }) {
  const flash = useNavigateWithFlash();
  const initial: Record<string, string> = { name: framework.name ?? "" };
  for (const level of LEVELS) {
    const found = framework.levels.find((row) => row.level === level);
    initial[`name-${String(level)}`] = found?.name ?? "";
    initial[`months-${String(level)}`] =
      found?.defaultRefresherMonths == null ? "" : String(found.defaultRefresherMonths);
  }
  const form = useForm(initial, LABELS);
  usePageTitle("Training framework", { error: form.invalid });
  const save = useMutation(
    trpc.trainingFramework.save.mutationOptions({
      onSuccess: async () => {
        await frameworkChanged();
        flash("/partnership/framework", "Framework saved");
      },
      onError: form.fromServer,
    }),
  );

  function submit() {
    const levels = LEVELS.flatMap((level) => {
      const name = (form.values[`name-${String(level)}`] ?? "").trim();
      const months = (form.values[`months-${String(level)}`] ?? "").trim();
      return name === ""
        ? []
        : [{ level, name, defaultRefresherMonths: months === "" ? null : Number(months) }];
    });
    const input = { name: form.values.name ?? "", levels };
    const problems = [
      levels.some((row) => Number.isNaN(row.defaultRefresherMonths))
        ? { field: "levels", message: "Refresher months must be whole numbers, like 36" }
        : null,
    ];
    if (form.validate(contract.trainingFramework.save.input, input, problems)) save.mutate(input);
  }

  return (
    <QuestionForm
      heading="Training framework"
      caption="Partnership"
      errors={form.errors}
      onSubmit={submit}
      submitText="Save framework"
      busy={save.isPending}
    >
      <TextInput
        label="Framework name"
        hint="For example, Kent and Medway DA Training Framework"
        {...form.text("name")}
      />
      <Fieldset
        id="levels"
        legend="Levels"
        hint="Name each level or group the framework has; leave a level's name empty if it has none. The refresher is what a new course at the level starts with."
        error={form.errorFor("levels")}
      >
        {LEVELS.map((level) => (
          <div key={level} className="govuk-!-margin-bottom-4">
            <TextInput
              label={`Level ${String(level)} name`}
              {...form.text(`name-${String(level)}`)}
            />
            <TextInput
              label={`Level ${String(level)} refresher in months (optional)`}
              className="govuk-input--width-3"
              inputMode="numeric"
              {...form.text(`months-${String(level)}`)}
            />
          </div>
        ))}
      </Fieldset>
    </QuestionForm>
  );
}

/** Names the training framework and its levels. */
export function FrameworkFormPage() {
  const query = useQuery(trpc.trainingFramework.get.queryOptions());
  return (
    <>
      <BackLink to="/partnership/framework">Back to framework and compliance</BackLink>
      <QueryState query={query} what="training framework">
        {(framework) => <FrameworkForm framework={framework} />}
      </QueryState>
    </>
  );
}
