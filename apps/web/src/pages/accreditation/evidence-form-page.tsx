import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams, useSearchParams } from "react-router";

import { contract } from "@dapkit/contract";
import { EVIDENCE_KIND_LABELS } from "@dapkit/daha";

import { DateInput } from "../../components/date-input";
import { QueryState } from "../../components/query-state";
import { QuestionForm } from "../../components/question-form";
import { Select } from "../../components/select";
import { BackLink } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import type { FieldError } from "../../lib/api-errors";
import { isEmptyDate, isoFromParts, partsFromIso, type DateParts } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";

// Every kind of evidence in the package's words and order.
const KIND_CHOICES = Object.entries(EVIDENCE_KIND_LABELS).map(([value, text]) => ({ value, text }));

type Evidence = Outputs["evidence"]["get"];
type Kind = Evidence["kind"];

const LABELS = {
  areaId: "Priority area",
  title: "Title",
  kind: "Kind of evidence",
  owner: "Owner",
  effectiveDate: "Effective date",
  reviewDate: "Review date",
  expiryDate: "Expiry date",
};

// Optional dates: empty is fine (null); anything typed must be a real date.
function optionalDate(
  field: string,
  parts: DateParts,
  label: string,
): { value: string | null; error: FieldError | null } {
  if (isEmptyDate(parts)) return { value: null, error: null };
  const parsed = isoFromParts(parts, label);
  return "iso" in parsed
    ? { value: parsed.iso, error: null }
    : { value: null, error: { field, message: parsed.error } };
}

function EvidenceForm({ evidence }: { evidence: Evidence | undefined }) {
  const flash = useNavigateWithFlash();
  const [params] = useSearchParams();
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  const form = useForm(
    {
      areaId: evidence?.areaId ?? params.get("area") ?? "",
      title: evidence?.title ?? "",
      kind: evidence?.kind ?? "",
      owner: evidence?.owner ?? "",
      effectiveDate: partsFromIso(evidence?.effectiveDate),
      reviewDate: partsFromIso(evidence?.reviewDate),
      expiryDate: partsFromIso(evidence?.expiryDate),
    },
    LABELS,
  );
  const heading = evidence === undefined ? "Add evidence" : "Change evidence details";
  usePageTitle(heading, { error: form.invalid });

  const done = async (saved: Evidence) => {
    await queryClient.invalidateQueries({ queryKey: trpc.evidence.pathKey() });
    flash(
      `/accreditation/evidence/${saved.id}`,
      evidence === undefined ? `${saved.title} added as a draft` : "Evidence details saved",
    );
  };
  const create = useMutation(
    trpc.evidence.create.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.evidence.update.mutationOptions({ onSuccess: done, onError: form.fromServer }),
  );

  function submit() {
    const { areaId, title, kind, owner } = form.values;
    const effectiveDate = isoFromParts(form.values.effectiveDate, "Effective date");
    const reviewDate = optionalDate("reviewDate", form.values.reviewDate, "Review date");
    const expiryDate = optionalDate("expiryDate", form.values.expiryDate, "Expiry date");
    // What was typed that cannot become the input at all; the schema checks the rest.
    const problems = [
      areaId === ""
        ? { field: "areaId", message: "Select the priority area this evidence supports" }
        : null,
      kind === "" ? { field: "kind", message: "Select the kind of evidence" } : null,
      "error" in effectiveDate ? { field: "effectiveDate", message: effectiveDate.error } : null,
      reviewDate.error,
      expiryDate.error,
    ];
    const data = {
      areaId,
      title,
      kind: kind as Kind,
      owner,
      effectiveDate: "iso" in effectiveDate ? effectiveDate.iso : "",
      reviewDate: reviewDate.value,
      expiryDate: expiryDate.value,
    };
    if (evidence === undefined) {
      if (form.validate(contract.evidence.create.input, data, problems)) create.mutate(data);
    } else {
      const input = { id: evidence.id, data };
      if (form.validate(contract.evidence.update.input, input, problems)) update.mutate(input);
    }
  }

  return (
    <QuestionForm
      heading={heading}
      errors={form.errors}
      onSubmit={submit}
      submitText={evidence === undefined ? "Add evidence" : "Save changes"}
      busy={create.isPending || update.isPending}
    >
      <Select
        label="Priority area"
        options={[
          { value: "", text: "Choose a priority area" },
          ...(framework.data?.areas ?? []).map((area) => ({ value: area.id, text: area.name })),
        ]}
        {...form.text("areaId")}
      />
      <TextInput
        label="Title"
        hint="For example, Domestic abuse policy for tenants 2026"
        {...form.text("title")}
      />
      <Select
        label="Kind of evidence"
        options={[{ value: "", text: "Choose a kind" }, ...KIND_CHOICES]}
        {...form.text("kind")}
      />
      <TextInput
        label="Owner"
        hint="The person or team who keeps this evidence up to date"
        {...form.text("owner")}
      />
      <DateInput
        legend="Effective date"
        hint="When the evidence came into force, for example 1 4 2026"
        {...form.date("effectiveDate")}
      />
      <DateInput
        legend="Review date (optional)"
        hint="When it should next be reviewed"
        {...form.date("reviewDate")}
      />
      <DateInput
        legend="Expiry date (optional)"
        hint="After this date it no longer counts as evidence"
        {...form.date("expiryDate")}
      />
    </QuestionForm>
  );
}

function EditEvidence({ id }: { id: string }) {
  const query = useQuery(trpc.evidence.get.queryOptions({ id }));
  return (
    <QueryState query={query} what="evidence">
      {(evidence) => <EvidenceForm evidence={evidence} />}
    </QueryState>
  );
}

export function EvidenceFormPage() {
  const { evidenceId } = useParams();
  return (
    <>
      <BackLink
        to={evidenceId === undefined ? "/accreditation" : `/accreditation/evidence/${evidenceId}`}
      >
        Back
      </BackLink>
      {evidenceId === undefined ? (
        <EvidenceForm evidence={undefined} />
      ) : (
        <EditEvidence id={evidenceId} />
      )}
    </>
  );
}
