import { useMutation, useQuery } from "@tanstack/react-query";

import { SHARING_BASES, SHARING_BASIS_LABELS, contract, type SharingBasis } from "@dapkit/contract";

import { Fieldset } from "../../../components/fieldset";
import { QueryState } from "../../../components/query-state";
import { QuestionForm } from "../../../components/question-form";
import { Radios } from "../../../components/radios";
import { Select } from "../../../components/select";
import { BackLink } from "../../../components/small-parts";
import { TextInput } from "../../../components/text-input";
import { useNavigateWithFlash } from "../../../lib/flash";
import { usePageTitle } from "../../../lib/page-title";
import { useForm } from "../../../lib/use-form";
import { trpc, type Outputs } from "../../../trpc";
import {
  costsPath,
  programmeCostsChanged,
  useProgrammeYear,
  yearLabel,
  type ProgrammeYear,
} from "./programme-year";

type Agency = Outputs["partnership"]["agencies"]["list"][number];
type Plan = Outputs["programmeCosts"]["fundingPlans"]["list"][number];

const LABELS = {
  basis: "How the costs are shared",
  percentages: "Agreed percentages",
  fundingPlanId: "Funding plan",
  workstreamKey: "Workstream",
};

const BASIS_HINTS: Record<SharingBasis, string> = {
  equal: "Every member agency pays the same.",
  agreed_percentages: "Each agency pays the percentage it agreed; the percentages add up to 100.",
  places_booked: "In proportion to the places each agency's people booked in the year.",
  attendees: "In proportion to the people each agency sent who attended in the year.",
};

function SharingForm({
  year,
  agencies,
  plans,
}: {
  year: ProgrammeYear;
  agencies: readonly Agency[];
  plans: readonly Plan[];
}) {
  const flash = useNavigateWithFlash();
  const agreed = new Map(year.shares.map((share) => [share.agencyId, share.percent]));
  // Every field is text; an agency's agreed percentage is under `percent-<agency id>`.
  const initial: Record<string, string> = {
    basis: year.basis,
    fundingPlanId: year.fundingPlan?.id ?? "",
    workstreamKey: year.workstream?.key ?? "",
    ...Object.fromEntries(
      agencies.map((agency) => [`percent-${agency.id}`, String(agreed.get(agency.id) ?? "")]),
    ),
  };
  const form = useForm(initial, LABELS);
  const heading = `How the ${year.financialYear} costs are shared`;
  usePageTitle(heading, { error: form.invalid });
  const save = useMutation(
    trpc.programmeCosts.setYear.mutationOptions({
      onSuccess: async () => {
        await programmeCostsChanged();
        flash(costsPath(year.financialYearStart), "Sharing saved");
      },
      onError: form.fromServer,
    }),
  );
  const plan = plans.find((item) => item.id === form.values.fundingPlanId);

  function submit() {
    const basis = form.values.basis === "" ? null : (form.values.basis as SharingBasis);
    const percentages =
      basis === "agreed_percentages"
        ? agencies.flatMap((agency) => {
            const text = (form.values[`percent-${agency.id}`] ?? "").replace("%", "").trim();
            return text === "" ? [] : [{ agencyId: agency.id, percent: Number(text) }];
          })
        : [];
    const problems = [
      basis == null ? { field: "basis", message: "Select how the costs are shared" } : null,
      percentages.some((row) => Number.isNaN(row.percent))
        ? { field: "percentages", message: "Agreed percentages must be numbers, like 12.5" }
        : null,
    ];
    const input = {
      financialYearStart: year.financialYearStart,
      basis: basis ?? "equal",
      percentages,
      fundingPlanId: form.values.fundingPlanId === "" ? null : form.values.fundingPlanId,
      workstreamKey: form.values.workstreamKey === "" ? null : form.values.workstreamKey,
    };
    if (form.validate(contract.programmeCosts.setYear.input, input, problems)) save.mutate(input);
  }

  return (
    <QuestionForm
      heading={heading}
      caption={`Programme costs ${yearLabel(year.financialYearStart)}`}
      errors={form.errors}
      onSubmit={submit}
      submitText="Save"
      busy={save.isPending}
    >
      <Radios
        legend="How are the costs shared across member agencies?"
        choices={SHARING_BASES.map((basis) => ({
          value: basis,
          text: SHARING_BASIS_LABELS[basis],
          hint: BASIS_HINTS[basis],
        }))}
        {...form.choice("basis")}
      />
      {form.values.basis === "agreed_percentages" ? (
        <Fieldset
          id="percentages"
          legend="Agreed percentages"
          hint="Each agency's percentage, up to two decimal places; together they add up to 100."
          error={form.errorFor("percentages")}
        >
          {agencies.map((agency) => (
            <TextInput
              key={agency.id}
              label={`${agency.name} (%)`}
              className="govuk-input--width-5"
              inputMode="decimal"
              {...form.text(`percent-${agency.id}`)}
              error={undefined}
            />
          ))}
        </Fieldset>
      ) : null}
      <Select
        label="Funding plan"
        hint="The plan whose workforce workstream budgets the programme."
        options={[
          { value: "", text: "Not linked" },
          ...plans.map((item) => ({ value: item.id, text: item.name })),
        ]}
        {...form.text("fundingPlanId")}
      />
      {plan === undefined ? null : (
        <Select
          label="Workstream"
          options={[
            { value: "", text: "Choose a workstream" },
            ...plan.workstreams.map((item) => ({ value: item.key, text: item.name })),
          ]}
          {...form.text("workstreamKey")}
        />
      )}
    </QuestionForm>
  );
}

/** Chooses how a year's programme costs are shared and the funding plan budgeting them. */
export function CostSharingPage() {
  const start = useProgrammeYear();
  const year = useQuery(trpc.programmeCosts.get.queryOptions({ financialYearStart: start }));
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions({}));
  const plans = useQuery(trpc.programmeCosts.fundingPlans.list.queryOptions());
  return (
    <>
      <BackLink to={costsPath(start)}>Back to programme costs</BackLink>
      <QueryState query={year} what="programme costs">
        {(programme) => (
          <QueryState query={agencies} what="agencies">
            {(list) => (
              <QueryState query={plans} what="funding plans">
                {(planList) => (
                  <SharingForm
                    year={programme}
                    agencies={list.filter((agency) => agency.member)}
                    plans={planList}
                  />
                )}
              </QueryState>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
