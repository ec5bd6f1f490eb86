import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc } from "../../trpc";

const LABELS = { name: "Name of the copy", scenario: "What the scenario assumes" };

/** Copies a plan into a named scenario, to change one assumption and compare. */
export function CopyPlanPage() {
  const { planId = "" } = useParams();
  const query = useQuery(trpc.funding.get.queryOptions({ id: planId }));
  const navigate = useNavigateWithFlash();
  const [values, setValues] = useState({ name: "", scenario: "" });
  const errors = useFormErrors(LABELS);
  usePageTitle("Copy into a scenario", { error: errors.invalid });
  const copy = useMutation(
    trpc.funding.copy.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.funding.pathKey() });
        navigate(`/funding/${saved.id}/edit`, "Scenario copied: change its assumptions below");
      },
      onError: errors.fromServer,
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { id: planId, ...values };
    if (errors.validate(contract.funding.copy.input, input)) copy.mutate(input);
  }
  return (
    <>
      <BackLink to={`/funding/${planId}`}>Back to the plan</BackLink>
      <QueryState query={query} what="funding plan">
        {(plan) => (
          <>
            <ErrorSummary errors={errors.errors} />
            <PageHeading caption={plan.name}>Copy into a scenario</PageHeading>
            <form onSubmit={submit} noValidate>
              <TextInput
                label={LABELS.name}
                name="name"
                value={values.name}
                error={errors.errorFor("name")}
                onChange={(event) => setValues({ ...values, name: event.target.value })}
              />
              <TextInput
                label={LABELS.scenario}
                hint="For example, Oxford City Council leaves in 2019"
                name="scenario"
                value={values.scenario}
                error={errors.errorFor("scenario")}
                onChange={(event) => setValues({ ...values, scenario: event.target.value })}
              />
              <Button busy={copy.isPending}>Copy the plan</Button>
            </form>
          </>
        )}
      </QueryState>
    </>
  );
}
