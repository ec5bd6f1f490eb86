import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import {
  COMMITTEE_PAPER_SECTION_KEYS,
  COMMITTEE_PAPER_SECTIONS,
  contract,
  type CommitteePaperDraft,
  type CommitteePaperSectionKey,
} from "@dapkit/contract";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { DateInput } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { Fieldset } from "../../components/fieldset";
import { FlashBanner } from "../../components/flash-banner";
import { NotificationBanner } from "../../components/notification-banner";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { Select } from "../../components/select";
import { BackLink, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { useCurrentUser } from "../../lib/current-user";
import { isoFromParts, partsFromIso } from "../../lib/date-parts";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { PaperPreview } from "./paper-preview";

type Paper = Outputs["committeePapers"]["get"];

const LABELS = {
  committee: "To (committee or board)",
  meetingDate: "Date of the meeting",
  reportOf: "Report of",
  title: "Title of report",
  purpose: "Purpose of report",
  keyDecision: "Key decision",
  recommendations: "Recommendation(s) to the committee",
  fundingPlanId: "Funding plan for the financial implications",
  includeAppendix: "Appendix",
  sections: "Sections",
};

// Paragraphs are typed with a blank line between them; lines are one recommendation each.
const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

type SectionState = Record<CommitteePaperSectionKey, { included: boolean; narrative: string }>;

// A new paper starts with every section, but training by agency only in a partnership.
function sectionState(draft: CommitteePaperDraft | undefined, partnership: boolean): SectionState {
  return Object.fromEntries(
    COMMITTEE_PAPER_SECTION_KEYS.map((key) => {
      const saved = draft?.sections.find((section) => section.key === key);
      const narrative =
        saved?.narrative ?? (draft === undefined ? COMMITTEE_PAPER_SECTIONS[key].narrative : []);
      return [
        key,
        {
          included:
            draft === undefined
              ? partnership || key !== "partnershipTraining"
              : saved !== undefined,
          narrative: narrative.join("\n\n"),
        },
      ];
    }),
  ) as SectionState;
}

function PaperForm({ paper, done }: { paper: Paper | undefined; done: (saved: Paper) => void }) {
  const user = useCurrentUser();
  const plans = useQuery(trpc.funding.list.queryOptions());
  const draft = paper?.draft;
  const form = useForm(
    {
      committee: draft?.committee ?? "",
      meetingDate: partsFromIso(draft?.meetingDate),
      reportOf: draft?.reportOf ?? "",
      title: draft?.title ?? "",
      purpose: draft?.purpose ?? "",
      keyDecision: draft === undefined ? null : draft.keyDecision ? "yes" : "no",
      recommendations: (draft?.recommendations ?? ["Members note and comment on the update"]).join(
        "\n",
      ),
      fundingPlanId: draft?.fundingPlanId ?? "",
      includeAppendix: draft?.includeAppendix ?? true,
      sections: sectionState(draft, user.runsAsPartnership),
    },
    LABELS,
  );
  const onSuccess = async (result: Paper) => {
    await queryClient.invalidateQueries({ queryKey: trpc.committeePapers.pathKey() });
    done(result);
  };
  const create = useMutation(
    trpc.committeePapers.create.mutationOptions({ onSuccess, onError: form.fromServer }),
  );
  const update = useMutation(
    trpc.committeePapers.update.mutationOptions({ onSuccess, onError: form.fromServer }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.values;
    const parsed = isoFromParts(values.meetingDate, LABELS.meetingDate);
    const data = {
      committee: values.committee,
      meetingDate: "iso" in parsed ? parsed.iso : "",
      reportOf: values.reportOf,
      title: values.title,
      purpose: values.purpose,
      keyDecision: values.keyDecision === "yes",
      recommendations: linesOf(values.recommendations),
      fundingPlanId: values.fundingPlanId === "" ? null : values.fundingPlanId,
      includeAppendix: values.includeAppendix,
      sections: COMMITTEE_PAPER_SECTION_KEYS.filter((key) => values.sections[key].included).map(
        (key) => ({ key, narrative: paragraphsOf(values.sections[key].narrative) }),
      ),
    };
    const problems = [
      "error" in parsed ? { field: "meetingDate", message: parsed.error } : null,
      values.keyDecision == null
        ? { field: "keyDecision", message: "Say whether this is a key decision" }
        : null,
    ];
    if (paper === undefined) {
      if (form.validate(contract.committeePapers.create.input, data, problems)) create.mutate(data);
    } else {
      const input = { id: paper.id, version: paper.version, data };
      if (form.validate(contract.committeePapers.update.input, input, problems))
        update.mutate(input);
    }
  }

  const setSection = (key: CommitteePaperSectionKey, change: Partial<SectionState[typeof key]>) =>
    form.set("sections", {
      ...form.values.sections,
      [key]: { ...form.values.sections[key], ...change },
    });

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          label={LABELS.committee}
          hint="For example, Scrutiny Committee"
          {...form.text("committee")}
        />
        <DateInput legend={LABELS.meetingDate} {...form.date("meetingDate")} />
        <TextInput label={LABELS.reportOf} hint="The author's role" {...form.text("reportOf")} />
        <TextInput label={LABELS.title} {...form.text("title")} />
        <Textarea label={LABELS.purpose} rows={2} {...form.text("purpose")} />
        <Radios
          legend={LABELS.keyDecision}
          legendSize="s"
          inline
          choices={[
            { value: "yes", text: "Yes" },
            { value: "no", text: "No" },
          ]}
          {...form.choice("keyDecision")}
        />
        <Textarea
          label={LABELS.recommendations}
          hint="One recommendation on each line"
          rows={2}
          {...form.text("recommendations")}
        />
        <Select
          label={LABELS.fundingPlanId}
          options={[
            { value: "", text: "None" },
            ...(plans.data ?? []).map((plan) => ({ value: plan.id, text: plan.name })),
          ]}
          {...form.text("fundingPlanId")}
        />
        <Fieldset
          id="sections"
          legend="Sections and their narrative"
          hint="Tick the sections to include. Write each section's paragraphs with a blank line between them; the figures are added from live data."
          error={form.errorFor("sections")}
        >
          {COMMITTEE_PAPER_SECTION_KEYS.map((key, index) => (
            <div key={key} className="govuk-!-margin-bottom-6">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <Checkbox
                  id={index === 0 ? "sections" : `sections-${key}`}
                  label={COMMITTEE_PAPER_SECTIONS[key].heading}
                  checked={form.values.sections[key].included}
                  onChange={(event) => setSection(key, { included: event.target.checked })}
                />
              </div>
              {form.values.sections[key].included ? (
                <Textarea
                  name={`narrative-${key}`}
                  label={`${COMMITTEE_PAPER_SECTIONS[key].heading}: your narrative`}
                  rows={4}
                  value={form.values.sections[key].narrative}
                  onChange={(event) => setSection(key, { narrative: event.target.value })}
                />
              ) : null}
            </div>
          ))}
        </Fieldset>
        <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-6">
          <Checkbox
            id="includeAppendix"
            label="Add Appendix 1: each recommendation with its status and latest update"
            checked={form.values.includeAppendix}
            onChange={(event) => form.set("includeAppendix", event.target.checked)}
          />
        </div>
        <Button busy={create.isPending || update.isPending}>Save draft</Button>
      </form>
    </>
  );
}

/** Drafts a new paper, or edits one with its preview and download. */
export function CommitteePaperPage() {
  const { paperId } = useParams();
  const manage = can(useCurrentUser(), "manageRecommendations");
  const navigate = useNavigateWithFlash();
  // Held here, not in the form: a save brings a new version, and the form starts afresh from it.
  const [saved, setSaved] = useState(0);
  const query = useQuery({
    ...trpc.committeePapers.get.queryOptions({ id: paperId ?? "" }),
    enabled: paperId !== undefined,
  });
  usePageTitle(
    paperId === undefined ? "Draft a committee paper" : (query.data?.title ?? "Committee paper"),
  );
  return (
    <>
      <BackLink to="/recommendations/committee-papers">Back to committee papers</BackLink>
      <FlashBanner />
      {saved === 0 ? null : (
        <NotificationBanner kind="success" key={saved}>
          Draft saved
        </NotificationBanner>
      )}
      {paperId === undefined ? (
        <>
          <PageHeading caption="Committee papers">Draft a committee paper</PageHeading>
          <PaperForm
            paper={undefined}
            done={(created) =>
              navigate(`/recommendations/committee-papers/${created.id}`, "Draft saved")
            }
          />
        </>
      ) : (
        <QueryState query={query} what="committee paper">
          {(paper) => (
            <>
              <PageHeading caption={`${paper.committee} committee paper`}>
                {paper.title}
              </PageHeading>
              <p className="govuk-body">
                <a className="govuk-link" href={`/api/committee-papers/${paper.id}.docx`} download>
                  Download as a Word document
                </a>
              </p>
              {manage ? (
                <details className="govuk-details" open>
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">Edit the draft</span>
                  </summary>
                  <div className="govuk-details__text">
                    <PaperForm
                      key={paper.version}
                      paper={paper}
                      done={() => setSaved((count) => count + 1)}
                    />
                  </div>
                </details>
              ) : null}
              <PaperPreview built={paper.built} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
