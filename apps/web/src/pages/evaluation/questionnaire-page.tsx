import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useParams } from "react-router";

import {
  CONFIDENCE_LEVELS,
  contract,
  EVALUATION_COMMENT_MAX,
  EVALUATION_STAGE_LABELS,
  EVALUATION_STAGES,
  ratingField,
  ratingMissing,
  type EvaluationStage,
} from "@dapkit/contract";
import { formatCount, formatDate } from "@dapkit/schemas";

import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Radios } from "../../components/radios";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Questionnaire = Outputs["evaluation"]["questionnaires"]["get"];

const CHOICES = CONFIDENCE_LEVELS.map((level) => ({
  value: String(level.value),
  text: level.label,
}));

function QuestionnaireForm({ questionnaire }: { questionnaire: Questionnaire }) {
  const flash = useNavigateWithFlash();
  const labels = useMemo(
    () => ({
      ...Object.fromEntries(
        questionnaire.outcomes.map((outcome) => [ratingField(outcome.id), outcome.statement]),
      ),
      ratings: "Confidence",
      comment: "Comments",
      stage: "Questionnaire",
    }),
    [questionnaire.outcomes],
  );
  const form = useForm<Record<string, string | null>>(
    () => ({
      comment: "",
      ...Object.fromEntries(
        questionnaire.outcomes.map((outcome) => [ratingField(outcome.id), null]),
      ),
    }),
    labels,
  );
  const heading = EVALUATION_STAGE_LABELS[questionnaire.stage];
  usePageTitle(`${heading}: ${questionnaire.courseTitle}`, { error: form.invalid });
  const submit = useMutation(
    trpc.evaluation.questionnaires.submit.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
        flash(
          "/my-training",
          `Thank you. Your answers about ${questionnaire.courseTitle} were sent.`,
        );
      },
      onError: form.fromServer,
    }),
  );
  function send() {
    const missing = questionnaire.outcomes.map((outcome) =>
      form.values[ratingField(outcome.id)] == null
        ? { field: ratingField(outcome.id), message: ratingMissing(outcome.statement) }
        : null,
    );
    const input = {
      nominationId: questionnaire.nominationId,
      stage: questionnaire.stage,
      // Only the outcomes rated: each one left out is named by `missing`, not by the schema.
      ratings: questionnaire.outcomes.flatMap((outcome) => {
        const chosen = form.values[ratingField(outcome.id)];
        return chosen == null ? [] : [{ outcomeId: outcome.id, confidence: Number(chosen) }];
      }),
      comment: form.values.comment ?? "",
    };
    if (form.validate(contract.evaluation.questionnaires.submit.input, input, missing)) {
      submit.mutate(input);
    }
  }
  return (
    <QuestionForm
      heading={heading}
      caption={questionnaire.courseTitle}
      errors={form.errors}
      onSubmit={send}
      submitText="Send answers"
      busy={submit.isPending}
      intro={
        <p className="govuk-body">
          For the session on {formatDate(questionnaire.startsAt)}: how confident are you about each
          of the course&rsquo;s learning outcomes? Only you can answer, and your answers are shown
          to the partnership without your name.
        </p>
      }
    >
      {questionnaire.outcomes.map((outcome) => (
        <Radios
          key={outcome.id}
          legend={outcome.statement}
          legendSize="s"
          hint="1 is not at all confident, 5 is very confident"
          choices={CHOICES}
          small
          {...form.choice(ratingField(outcome.id))}
        />
      ))}
      <Textarea
        label="Comments (optional)"
        hint={`What helped, what you will do differently, or what is still unclear. Up to ${formatCount(EVALUATION_COMMENT_MAX)} characters.`}
        name="comment"
        value={form.values.comment ?? ""}
        onChange={(event) => form.set("comment", event.target.value)}
        error={form.errorFor("comment")}
      />
    </QuestionForm>
  );
}

function Closed({ questionnaire }: { questionnaire: Questionnaire }) {
  usePageTitle(EVALUATION_STAGE_LABELS[questionnaire.stage]);
  return (
    <>
      <PageHeading caption={questionnaire.courseTitle}>
        {EVALUATION_STAGE_LABELS[questionnaire.stage]}
      </PageHeading>
      <InsetText>{questionnaire.problem}</InsetText>
    </>
  );
}

function stageOf(text: string | undefined): EvaluationStage {
  return EVALUATION_STAGES.find((stage) => stage === text) ?? "before";
}

/** One of the signed-in person's questionnaires: a 1 to 5 rating per learning outcome. */
export function QuestionnairePage() {
  const { nominationId = "", stage } = useParams();
  const query = useQuery(
    trpc.evaluation.questionnaires.get.queryOptions({ nominationId, stage: stageOf(stage) }),
  );
  return (
    <>
      <BackLink to="/my-training">Back to my training</BackLink>
      <QueryState query={query} what="questionnaire">
        {(found) =>
          found.problem == null ? (
            <QuestionnaireForm questionnaire={found} />
          ) : (
            <Closed questionnaire={found} />
          )
        }
      </QueryState>
    </>
  );
}
