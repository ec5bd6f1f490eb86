import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type ChangeEvent, type FormEvent } from "react";

import { formatDate } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { ErrorSummary } from "../../components/error-summary";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { Radios } from "../../components/radios";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { TextInput } from "../../components/text-input";
import { useCurrentUser } from "../../lib/current-user";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFormErrors } from "../../lib/use-form-errors";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import {
  POLICY_LABELS,
  policyInput,
  policyText,
  type MoneyField,
  type PolicyText,
} from "./charging-policy-form";
import { chargingExamples } from "./charging-words";

type PolicyOutput = Outputs["charges"]["policy"]["get"];

const PAGE = "/partnership/charging-policy";

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

function Examples({ policy }: { policy: PolicyOutput["policy"] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {chargingExamples(policy).map((example) => (
        <li key={example}>{example}</li>
      ))}
    </ul>
  );
}

type PolicyForm = ReturnType<typeof useForm<PolicyText>>;

function MoneyInput({ form, field }: { form: PolicyForm; field: MoneyField }) {
  return (
    <TextInput
      label={POLICY_LABELS[field]}
      hint="In pounds, like £50"
      inputMode="decimal"
      className="govuk-input--width-5"
      {...form.text(field)}
    />
  );
}

function PolicyForm({ saved }: { saved: PolicyOutput }) {
  const form = useForm<PolicyText>(policyText(saved.policy), POLICY_LABELS);
  usePageTitle("Charging policy", { error: form.invalid });
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.charges.policy.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.charges.policy.get.queryKey() });
        navigateWithFlash(PAGE, "Charging policy saved");
      },
      onError: form.fromServer,
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const { policy, problems } = policyInput(form.values);
    if (form.check(problems)) update.mutate(policy);
  }
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">Change the policy</h2>
        <Radios
          legend={POLICY_LABELS.enabled}
          legendSize="s"
          hint="Non-member agencies' places are charged at each session's price only while this is on."
          choices={YES_NO}
          inline
          {...form.choice("enabled")}
        />
        <TextInput
          label="Notice period, in working days"
          hint="Cancelling with fewer working days' notice than this is a late cancellation. Weekends and bank holidays do not count."
          inputMode="numeric"
          className="govuk-input--width-3"
          {...form.text("noticeWorkingDays")}
        />
        <TextInput
          label="Longest half-day session, in minutes"
          hint="A session of up to this many minutes is charged as a half day; a longer one as a full day."
          inputMode="numeric"
          className="govuk-input--width-4"
          {...form.text("halfDayMaxMinutes")}
        />
        <MoneyInput form={form} field="lateHalfDay" />
        <MoneyInput form={form} field="lateFullDay" />
        <MoneyInput form={form} field="noShowHalfDay" />
        <MoneyInput form={form} field="noShowFullDay" />
        <Radios
          legend={POLICY_LABELS.chargeMemberAgencies}
          legendSize="s"
          hint="Most partnerships charge their members for late cancellations and no-shows too."
          choices={YES_NO}
          inline
          {...form.choice("chargeMemberAgencies")}
        />
        <Button busy={update.isPending}>Save the policy</Button>
      </form>
    </>
  );
}

function BankHolidays({ saved, manage }: { saved: PolicyOutput; manage: boolean }) {
  const { bankHolidays } = saved;
  const errors = useFormErrors({ file: "Bank holidays file" });
  const navigateWithFlash = useNavigateWithFlash();
  const [file, setFile] = useState<string | null>(null);
  const upload = useMutation(
    trpc.charges.policy.uploadBankHolidays.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.charges.policy.get.queryKey() });
        navigateWithFlash(PAGE, "Bank holidays updated");
      },
      onError: errors.fromServer,
    }),
  );
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(chosen === undefined ? null : await chosen.text());
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const problem =
      file == null ? { field: "file", message: "Choose GOV.UK's bank-holidays.json file" } : null;
    if (errors.check([problem]) && file != null) upload.mutate({ file });
  }
  const error = errors.errorFor("file");
  return (
    <>
      <h2 className="govuk-heading-m">Bank holidays</h2>
      <SummaryList
        rows={[
          {
            key: "From",
            value:
              bankHolidays.source === "shipped"
                ? "GOV.UK's list for England and Wales, as supplied with the tracker"
                : `GOV.UK's list for England and Wales, uploaded ${formatDate(bankHolidays.updatedAt ?? "")}`,
          },
          {
            key: "Covers",
            value: `${String(bankHolidays.count)} bank holidays from ${formatDate(bankHolidays.firstDate)} to ${formatDate(bankHolidays.lastDate)}`,
          },
          {
            key: "Next",
            value:
              bankHolidays.upcoming.length === 0 ? (
                "None listed: upload a newer file"
              ) : (
                <ul className="govuk-list">
                  {bankHolidays.upcoming.map((holiday) => (
                    <li key={holiday.date}>
                      {holiday.title}, {formatDate(holiday.date)}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {manage ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors.errors} />
          <div
            className={`govuk-form-group${error === undefined ? "" : " govuk-form-group--error"}`}
          >
            <label className="govuk-label" htmlFor="file">
              Upload a newer list
            </label>
            <div className="govuk-hint" id="file-hint">
              Download bank-holidays.json from https://www.gov.uk/bank-holidays.json and choose it
              here. Only the England and Wales dates are used.
            </div>
            {error === undefined ? null : (
              <p className="govuk-error-message" id="file-error">
                <span className="govuk-visually-hidden">Error:</span> {error}
              </p>
            )}
            <input
              className={`govuk-file-upload${error === undefined ? "" : " govuk-file-upload--error"}`}
              id="file"
              name="file"
              type="file"
              accept=".json,application/json"
              aria-describedby={error === undefined ? "file-hint" : "file-hint file-error"}
              onChange={(event) => void choose(event)}
            />
          </div>
          <Button variant="secondary" busy={upload.isPending}>
            Upload the bank holidays
          </Button>
        </form>
      ) : null}
    </>
  );
}

/** The partnership's charging policy in words, its form for managers, and its bank holidays. */
export function ChargingPolicyPage() {
  const user = useCurrentUser();
  const manage = can(user, "managePartnership");
  const query = useQuery(trpc.charges.policy.get.queryOptions());
  usePageTitle("Charging policy");
  return (
    <>
      <BackLink to="/partnership">Back to the partnership</BackLink>
      <FlashBanner />
      <PageHeading caption="Partnership">Charging policy</PageHeading>
      <QueryState query={query} what="the charging policy">
        {(saved) => (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-m">What agencies are charged</h2>
              <Examples policy={saved.policy} />
              {manage ? <PolicyForm saved={saved} /> : null}
              <BankHolidays saved={saved} manage={manage} />
            </div>
          </div>
        )}
      </QueryState>
    </>
  );
}
