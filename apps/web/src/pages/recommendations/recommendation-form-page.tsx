import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { RAG_RATING_LABELS, RECOMMENDATION_STATUS_LABELS, type RagRating } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { Fieldset } from "../../components/fieldset";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { BackLink, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { isEmptyDate, isoFromParts, partsFromIso } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Recommendation = Outputs["recommendations"]["get"];
type Framework = Outputs["evidence"]["framework"];

const LABELS = {
  reference: "Number",
  title: "Recommendation",
  source: "Review it comes from",
  owner: "Owner",
  targetDate: "Target date",
  status: "Status",
  rag: "RAG rating",
  areaIds: "DAHA priority areas",
};

function RecommendationForm({
  recommendation,
  framework,
}: {
  recommendation: Recommendation | undefined;
  framework: Framework;
}) {
  const navigate = useNavigateWithFlash();
  const form = useForm(
    {
      reference: recommendation?.reference ?? "",
      title: recommendation?.title ?? "",
      source: recommendation?.source ?? "",
      owner: recommendation?.owner ?? "",
      targetDate: partsFromIso(recommendation?.targetDate),
      status: recommendation?.status ?? "not_started",
      rag: recommendation?.rag ?? "",
      areaIds: recommendation?.areaIds ?? [],
    },
    LABELS,
  );
  const options = {
    onSuccess: async (saved: Recommendation) => {
      await queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      navigate(
        `/recommendations/${saved.id}`,
        recommendation === undefined ? "Recommendation added" : "Recommendation saved",
      );
    },
    onError: form.fromServer,
  };
  const create = useMutation(trpc.recommendations.create.mutationOptions(options));
  const update = useMutation(trpc.recommendations.update.mutationOptions(options));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { targetDate, rag, status, source, areaIds, ...text } = form.values;
    const parsed = isEmptyDate(targetDate)
      ? { iso: null }
      : isoFromParts(targetDate, LABELS.targetDate);
    const fields = {
      ...text,
      targetDate: "iso" in parsed ? parsed.iso : "",
      status: status,
      rag: rag === "" ? null : (rag as RagRating),
      areaIds,
    };
    const problems = ["error" in parsed ? { field: "targetDate", message: parsed.error } : null];
    if (recommendation === undefined) {
      const input = { ...fields, source };
      if (form.validate(contract.recommendations.create.input, input, problems))
        create.mutate(input);
    } else {
      const input = { id: recommendation.id, data: fields };
      if (form.validate(contract.recommendations.update.input, input, problems))
        update.mutate(input);
    }
  }

  const toggle = (id: string, checked: boolean) =>
    form.set(
      "areaIds",
      checked ? [...form.values.areaIds, id] : form.values.areaIds.filter((each) => each !== id),
    );

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          label={LABELS.reference}
          className="govuk-input--width-5"
          {...form.text("reference")}
        />
        <Textarea label={LABELS.title} rows={3} {...form.text("title")} />
        {recommendation === undefined ? (
          <TextInput
            label={LABELS.source}
            hint="For example, Strategic Review of Domestic Abuse in Oxfordshire"
            {...form.text("source")}
          />
        ) : null}
        <TextInput label={LABELS.owner} hint="A role or a group" {...form.text("owner")} />
        <DateInput legend={`${LABELS.targetDate} (optional)`} {...form.date("targetDate")} />
        <Select
          label={LABELS.status}
          options={Object.entries(RECOMMENDATION_STATUS_LABELS).map(([value, text]) => ({
            value,
            text,
          }))}
          {...form.text("status")}
        />
        <Select
          label={LABELS.rag}
          hint="Your judgement of progress towards the target"
          options={[
            { value: "", text: "Not rated" },
            ...Object.entries(RAG_RATING_LABELS).map(([value, text]) => ({ value, text })),
          ]}
          {...form.text("rag")}
        />
        <Fieldset
          id="areaIds"
          legend={LABELS.areaIds}
          legendSize="s"
          hint="The accreditation areas this recommendation bears on"
          error={form.errorFor("areaIds")}
        >
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {framework.areas.map((area, index) => (
              <Checkbox
                key={area.id}
                id={index === 0 ? "areaIds" : `areaIds-${area.id}`}
                label={area.name}
                checked={form.values.areaIds.includes(area.id)}
                onChange={(event) => toggle(area.id, event.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
        <Button busy={create.isPending || update.isPending}>
          {recommendation === undefined ? "Add recommendation" : "Save recommendation"}
        </Button>
      </form>
    </>
  );
}

/** Adds a recommendation, or changes one (`/recommendations/:id/edit`). */
export function RecommendationFormPage() {
  const { recommendationId } = useParams();
  const editing = recommendationId !== undefined;
  usePageTitle(editing ? "Change a recommendation" : "Add a recommendation");
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  const existing = useQuery({
    ...trpc.recommendations.get.queryOptions({ id: recommendationId ?? "" }),
    enabled: editing,
  });
  return (
    <>
      <BackLink to={editing ? `/recommendations/${recommendationId}` : "/recommendations"}>
        Back
      </BackLink>
      <PageHeading caption="Recommendations">
        {editing ? "Change a recommendation" : "Add a recommendation"}
      </PageHeading>
      <QueryState query={framework} what="the priority areas">
        {(areas) =>
          editing ? (
            <QueryState query={existing} what="recommendation">
              {(recommendation) => (
                <RecommendationForm recommendation={recommendation} framework={areas} />
              )}
            </QueryState>
          ) : (
            <RecommendationForm recommendation={undefined} framework={areas} />
          )
        }
      </QueryState>
    </>
  );
}
