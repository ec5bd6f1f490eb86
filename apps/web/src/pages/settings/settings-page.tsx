import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract, MAX_EVIDENCE_FILE_MEGABYTES } from "@dapkit/contract";
import { frameworks } from "@dapkit/daha";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { MessageSettingsSection } from "../messages/message-settings-section";
import { SsoSection } from "./sso-section";

type Settings = Outputs["organisation"]["settings"]["get"];

const LABELS = {
  name: "Organisation name",
  dahaFrameworkId: "DAHA framework",
  attendanceTargetPercent: "Staff Development attendance target",
  defaultRefresherMonths: "Refresher interval for new courses",
  evidenceReviewMonths: "Evidence review interval",
  passwordSignInAllowed: "Password sign-in",
  separateEvidenceApproval: "Separation of duties for evidence",
  maxEvidenceFileMegabytes: "Largest evidence file",
};

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

/** A whole number typed in digits, or NaN so the contract's schema names the problem. */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What the settings form holds: text as typed, and each choice made (null until one is). */
// A type rather than an interface: useForm takes a record, and only a type alias is one.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type SettingsText = {
  name: string;
  dahaFrameworkId: string | null;
  attendanceTargetPercent: string;
  defaultRefresherMonths: string;
  evidenceReviewMonths: string;
  passwordSignInAllowed: string | null;
  separateEvidenceApproval: string | null;
  maxEvidenceFileMegabytes: string;
};

/** The form's text as the update's input: empty refresher means "none". */
export function settingsInput(values: SettingsText) {
  return {
    name: values.name,
    dahaFrameworkId: (values.dahaFrameworkId ?? "") as Settings["dahaFrameworkId"],
    attendanceTargetPercent: wholeNumber(values.attendanceTargetPercent),
    defaultRefresherMonths:
      values.defaultRefresherMonths.trim() === ""
        ? null
        : wholeNumber(values.defaultRefresherMonths),
    evidenceReviewMonths: wholeNumber(values.evidenceReviewMonths),
    passwordSignInAllowed: values.passwordSignInAllowed === "yes",
    separateEvidenceApproval: values.separateEvidenceApproval === "yes",
    maxEvidenceFileMegabytes: wholeNumber(values.maxEvidenceFileMegabytes),
  };
}

function SettingsForm({ settings }: { settings: Settings }) {
  const form = useForm<SettingsText>(
    {
      name: settings.name,
      dahaFrameworkId: settings.dahaFrameworkId,
      attendanceTargetPercent: String(settings.attendanceTargetPercent),
      defaultRefresherMonths:
        settings.defaultRefresherMonths == null ? "" : String(settings.defaultRefresherMonths),
      evidenceReviewMonths: String(settings.evidenceReviewMonths),
      passwordSignInAllowed: settings.passwordSignInAllowed ? "yes" : "no",
      separateEvidenceApproval: settings.separateEvidenceApproval ? "yes" : "no",
      maxEvidenceFileMegabytes: String(settings.maxEvidenceFileMegabytes),
    },
    LABELS,
  );
  usePageTitle("Settings", { error: form.invalid });
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.organisation.settings.update.mutationOptions({
      onSuccess: async () => {
        // The organisation's name is in the header and every title.
        await queryClient.invalidateQueries();
        navigateWithFlash("/settings", "Settings saved");
      },
      onError: form.fromServer,
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = settingsInput(form.values);
    const notNumber = (field: keyof typeof input, value: number | null) =>
      value != null && Number.isNaN(value)
        ? { field, message: `${LABELS[field]} must be a whole number` }
        : null;
    const ok = form.validate(contract.organisation.settings.update.input, input, [
      notNumber("attendanceTargetPercent", input.attendanceTargetPercent),
      notNumber("defaultRefresherMonths", input.defaultRefresherMonths),
      notNumber("evidenceReviewMonths", input.evidenceReviewMonths),
      notNumber("maxEvidenceFileMegabytes", input.maxEvidenceFileMegabytes),
    ]);
    if (ok) update.mutate(input);
  }

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">Organisation</h2>
        <TextInput
          label="Organisation name"
          hint="Shown in the header, page titles and exports."
          autoComplete="organization"
          {...form.text("name")}
        />
        <h2 className="govuk-heading-m">Accreditation</h2>
        <Radios
          legend="DAHA framework"
          legendSize="s"
          hint="The standards readiness is assessed against."
          choices={frameworks.map((framework) => ({ value: framework.id, text: framework.name }))}
          {...form.choice("dahaFrameworkId")}
        />
        <TextInput
          label="Evidence review interval, in months"
          hint="Months after approval that evidence is due for review."
          inputMode="numeric"
          className="govuk-input--width-3"
          {...form.text("evidenceReviewMonths")}
        />
        <Radios
          legend="Separation of duties for evidence"
          legendSize="s"
          hint="Yes: evidence cannot be approved by the person who sent it for review."
          choices={YES_NO}
          inline
          {...form.choice("separateEvidenceApproval")}
        />
        <TextInput
          label="Largest evidence file, in megabytes"
          hint={`Uploads larger than this are refused. At most ${MAX_EVIDENCE_FILE_MEGABYTES} MB.`}
          inputMode="numeric"
          className="govuk-input--width-3"
          {...form.text("maxEvidenceFileMegabytes")}
        />
        <h2 className="govuk-heading-m">Training</h2>
        <TextInput
          label="Staff Development attendance target, in per cent"
          hint="The share of nominated staff who should attend, as a whole percentage."
          inputMode="numeric"
          className="govuk-input--width-3"
          {...form.text("attendanceTargetPercent")}
        />
        <TextInput
          label="Refresher interval for new courses, in months"
          hint="Months until staff need a refresher; a course can change it. Leave empty for none."
          inputMode="numeric"
          className="govuk-input--width-3"
          {...form.text("defaultRefresherMonths")}
        />
        <h2 className="govuk-heading-m">Signing in</h2>
        <Radios
          legend="Password sign-in"
          legendSize="s"
          hint="No: everyone must use single sign-on. This needs single sign-on to be set up first, so nobody is locked out."
          choices={[
            { value: "yes", text: "Allowed" },
            { value: "no", text: "Not allowed" },
          ]}
          {...form.choice("passwordSignInAllowed")}
        />
        <Button busy={update.isPending}>Save settings</Button>
      </form>
      <SsoSection sso={settings.sso} />
      <MessageSettingsSection />
    </>
  );
}

/** The organisation's own settings: administrators only. */
export function SettingsPage() {
  const settings = useQuery(trpc.organisation.settings.get.queryOptions());
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FlashBanner />
        <h1 className="govuk-heading-l">Settings</h1>
        <QueryState query={settings} what="settings">
          {(data) => <SettingsForm settings={data} />}
        </QueryState>
      </div>
    </div>
  );
}
