import { useMutation, useQuery } from "@tanstack/react-query";

import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  REQUIREMENT_SCOPE_LABELS,
  REQUIREMENT_SCOPES,
  contract,
  type AgencyKind,
  type RequirementScope,
} from "@dapkit/contract";

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
import { frameworkChanged, levelName, type Framework } from "./framework-data";

type Agency = Outputs["partnership"]["agencies"]["list"][number];

const LABELS = {
  scope: "Which agencies",
  agencyKind: "Kind of agency",
  agencyId: "Agency",
  jobTitleContains: "Job title contains",
  requiredLevel: "Level needed",
};

function RuleForm({ framework, agencies }: { framework: Framework; agencies: readonly Agency[] }) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    {
      scope: null as string | null,
      agencyKind: "",
      agencyId: "",
      jobTitleContains: "",
      requiredLevel: "",
    },
    LABELS,
  );
  usePageTitle("Add a requirement", { error: form.invalid });
  const add = useMutation(
    trpc.trainingFramework.addRule.mutationOptions({
      onSuccess: async () => {
        await frameworkChanged();
        flash("/partnership/framework", "Requirement added");
      },
      onError: form.fromServer,
    }),
  );

  function submit() {
    const { scope, agencyKind, agencyId, jobTitleContains, requiredLevel } = form.values;
    const input = {
      scope: (scope ?? "all") as RequirementScope,
      agencyKind: agencyKind === "" ? null : (agencyKind as AgencyKind),
      agencyId: agencyId === "" ? null : agencyId,
      jobTitleContains,
      requiredLevel: Number(requiredLevel),
    };
    const problems = [
      scope == null
        ? { field: "scope", message: "Select which agencies the requirement covers" }
        : null,
      requiredLevel === "" ? { field: "requiredLevel", message: "Select the level needed" } : null,
    ];
    if (form.validate(contract.trainingFramework.addRule.input, input, problems)) add.mutate(input);
  }

  return (
    <QuestionForm
      heading="Add a requirement"
      caption="Framework and compliance"
      errors={form.errors}
      onSubmit={submit}
      submitText="Add requirement"
      busy={add.isPending}
    >
      <Radios
        legend="Which agencies' people does it cover?"
        choices={REQUIREMENT_SCOPES.map((scope) => ({
          value: scope,
          text: REQUIREMENT_SCOPE_LABELS[scope],
        }))}
        {...form.choice("scope")}
      />
      {form.values.scope === "agency_kind" ? (
        <Select
          label="Kind of agency"
          options={[
            { value: "", text: "Choose a kind" },
            ...AGENCY_KINDS.map((kind) => ({ value: kind, text: AGENCY_KIND_LABELS[kind] })),
          ]}
          {...form.text("agencyKind")}
        />
      ) : null}
      {form.values.scope === "agency" ? (
        <Select
          label="Agency"
          options={[
            { value: "", text: "Choose an agency" },
            ...agencies.map((agency) => ({ value: agency.id, text: agency.name })),
          ]}
          {...form.text("agencyId")}
        />
      ) : null}
      <TextInput
        label="Job title contains (optional)"
        hint="For example, officer. Leave empty to cover every job title."
        {...form.text("jobTitleContains")}
      />
      <Select
        label="Level needed"
        options={[
          { value: "", text: "Choose a level" },
          ...framework.levels.map((row) => ({
            value: String(row.level),
            text: levelName(framework, row.level),
          })),
        ]}
        {...form.text("requiredLevel")}
      />
    </QuestionForm>
  );
}

/** Adds a requirement: which agencies' people, by job title, need which level. */
export function LevelRuleFormPage() {
  const framework = useQuery(trpc.trainingFramework.get.queryOptions());
  const agencies = useQuery(trpc.partnership.agencies.list.queryOptions({}));
  return (
    <>
      <BackLink to="/partnership/framework">Back to framework and compliance</BackLink>
      <QueryState query={framework} what="training framework">
        {(found) => (
          <QueryState query={agencies} what="agencies">
            {(list) => <RuleForm framework={found} agencies={list} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
