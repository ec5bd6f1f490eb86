import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract } from "@dapkit/contract";
import { ACTION_STATUS_LABELS } from "@dapkit/daha";

import { Button } from "../../components/button";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { Select } from "../../components/select";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { isoFromParts, partsFromIso } from "../../lib/date-parts";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { EvidencePicker } from "./evidence-picker";

type Action = Outputs["actionPlan"]["list"]["actions"][number];

const LABELS = {
  what: "What is to be done",
  owner: "Owner",
  dueDate: "Due date",
  status: "Status",
  recommendationId: "Recommendation it serves",
  evidenceIds: "Linked evidence",
};

/** Refreshes everything an action changes: the plan, readiness and the recommendations. */
export async function actionPlanChanged(): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.actionPlan.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.recommendations.pathKey() }),
  ]);
}

/** Adds an action to an area's plan, or changes one; `done` is told what was saved. */
export function ActionForm({
  areaId,
  action,
  done,
}: {
  areaId: string;
  action?: Action;
  done: (saved: Action) => void;
}) {
  const recommendations = useQuery(trpc.recommendations.list.queryOptions());
  const form = useForm(
    {
      what: action?.what ?? "",
      owner: action?.owner ?? "",
      dueDate: partsFromIso(action?.dueDate),
      status: action?.status ?? "not_started",
      recommendationId: action?.recommendation?.id ?? "",
      evidenceIds: action?.evidence.map((item) => item.id) ?? [],
    },
    LABELS,
  );
  const options = {
    onSuccess: async (saved: Action) => {
      await actionPlanChanged();
      done(saved);
    },
    onError: form.fromServer,
  };
  const create = useMutation(trpc.actionPlan.create.mutationOptions(options));
  const update = useMutation(trpc.actionPlan.update.mutationOptions(options));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { what, owner, dueDate, status, recommendationId, evidenceIds } = form.values;
    const parsed = isoFromParts(dueDate, LABELS.dueDate);
    const data = {
      what,
      owner,
      dueDate: "iso" in parsed ? parsed.iso : "",
      status: status,
      recommendationId: recommendationId === "" ? null : recommendationId,
      evidenceIds,
    };
    const problems = ["error" in parsed ? { field: "dueDate", message: parsed.error } : null];
    if (action === undefined) {
      const input = { areaId, ...data };
      if (form.validate(contract.actionPlan.create.input, input, problems)) create.mutate(input);
    } else {
      const input = { id: action.id, data };
      if (form.validate(contract.actionPlan.update.input, input, problems)) update.mutate(input);
    }
  }

  const toggle = (id: string, checked: boolean) =>
    form.set(
      "evidenceIds",
      checked
        ? [...form.values.evidenceIds, id]
        : form.values.evidenceIds.filter((each) => each !== id),
    );

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <Textarea label={LABELS.what} rows={3} {...form.text("what")} />
        <TextInput
          label={LABELS.owner}
          hint="A role or a person"
          autoComplete="off"
          {...form.text("owner")}
        />
        <DateInput legend={LABELS.dueDate} {...form.date("dueDate")} />
        <Select
          label={LABELS.status}
          options={Object.entries(ACTION_STATUS_LABELS).map(([value, text]) => ({ value, text }))}
          {...form.text("status")}
        />
        <Select
          label={LABELS.recommendationId}
          hint="Optional"
          options={[
            { value: "", text: "None" },
            ...(recommendations.data ?? []).map((item) => ({
              value: item.id,
              text: `${item.reference}: ${item.title}`,
            })),
          ]}
          {...form.text("recommendationId")}
        />
        <EvidencePicker
          areaId={areaId}
          legend={LABELS.evidenceIds}
          linked={action?.evidence ?? []}
          chosen={form.values.evidenceIds}
          toggle={toggle}
          error={form.errorFor("evidenceIds")}
        />
        <Button busy={create.isPending || update.isPending}>
          {action === undefined ? "Add action" : "Save action"}
        </Button>
      </form>
    </>
  );
}
