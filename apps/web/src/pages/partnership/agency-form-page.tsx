import { useMutation } from "@tanstack/react-query";
import { useParams } from "react-router";

import { AGENCY_KIND_LABELS, AGENCY_KINDS, contract, type AgencyKind } from "@dapkit/contract";

import { QuestionForm } from "../../components/question-form";
import { Radios } from "../../components/radios";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { trpc } from "../../trpc";
import { partnershipChanged, type Agency } from "./use-agencies";
import { WithAgency } from "./with-agency";

const LABELS = { name: "Agency name", kind: "Kind of agency", member: "Member agency" };

function AgencyForm({ agency }: { agency: Agency | undefined }) {
  const flash = useNavigateWithFlash();
  const form = useForm(
    {
      name: agency?.name ?? "",
      kind: agency?.kind ?? "",
      member: agency === undefined ? null : agency.member ? "yes" : "no",
    },
    LABELS,
  );
  const adding = agency === undefined;
  usePageTitle(adding ? "Add an agency" : "Change an agency", { error: form.invalid });
  const done = async (saved: Agency) => {
    await partnershipChanged();
    flash("/partnership/agencies", `${saved.name} ${adding ? "added" : "saved"}`);
  };
  const create = useMutation(
    trpc.partnership.agencies.create.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.partnership.agencies.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { name, kind, member } = form.values;
    const problems = [
      kind === "" ? { field: "kind", message: "Select the kind of agency" } : null,
      member == null ? { field: "member", message: "Select whether the agency is a member" } : null,
    ];
    // A kind not chosen is reported above; the schema names any other problem.
    const data = { name, kind: kind as AgencyKind, member: member === "yes" };
    if (agency === undefined) {
      if (form.validate(contract.partnership.agencies.create.input, data, problems))
        create.mutate(data);
    } else {
      const input = { id: agency.id, data };
      if (form.validate(contract.partnership.agencies.update.input, input, problems))
        update.mutate(input);
    }
  }

  return (
    <QuestionForm
      heading={adding ? "Add an agency" : `Change ${agency.name}`}
      caption="Partnership"
      errors={form.errors}
      onSubmit={submit}
      submitText="Save agency"
      busy={create.isPending || update.isPending}
    >
      <TextInput label="Agency name" {...form.text("name")} />
      <Select
        label="Kind of agency"
        options={[
          { value: "", text: "Choose a kind" },
          ...AGENCY_KINDS.map((kind) => ({ value: kind, text: AGENCY_KIND_LABELS[kind] })),
        ]}
        {...form.text("kind")}
      />
      <Radios
        legend="Is it a member agency?"
        hint="Member agencies fund the programme and book places free; others pay per place."
        inline
        choices={[
          { value: "yes", text: "Yes" },
          { value: "no", text: "No" },
        ]}
        {...form.choice("member")}
      />
    </QuestionForm>
  );
}

/** Adds an agency, or changes one (`/partnership/agencies/:agencyId/edit`). */
export function AgencyFormPage() {
  const { agencyId } = useParams();
  return (
    <>
      <BackLink to="/partnership/agencies">Back to agencies</BackLink>
      {agencyId === undefined ? (
        <AgencyForm agency={undefined} />
      ) : (
        <WithAgency>{(agency) => <AgencyForm agency={agency} />}</WithAgency>
      )}
    </>
  );
}
