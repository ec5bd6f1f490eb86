import { useMutation, useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";

import { contract, MESSAGE_KIND_CODES, MESSAGE_KINDS, type MessageKind } from "@dapkit/contract";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { ErrorSummary } from "../../components/error-summary";
import { Fieldset } from "../../components/fieldset";
import { QueryState } from "../../components/query-state";
import { TextInput } from "../../components/text-input";
import { useNavigateWithFlash } from "../../lib/flash";
import { useForm } from "../../lib/use-form";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { MessageBody } from "./messages-section";

type MessageSettings = Outputs["messages"]["settings"]["get"];

const LABELS = {
  enabledKinds: "Messages to send",
  reminderDays: "Reminder days",
  senderName: "Sender name",
  replyTo: "Reply-to address",
};

// A type rather than an interface, so it is a Record of its fields for useForm.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type SettingsText = {
  enabledKinds: MessageKind[];
  reminderDays: string;
  senderName: string;
  replyTo: string;
};

// "7, 1" as [7, 1]; anything that is not a whole number goes through as NaN, for the schema's
// own message ("must be a whole number of days").
function reminderDaysOf(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

function Previews() {
  const previews = useQuery(trpc.messages.previews.queryOptions());
  return (
    <QueryState query={previews} what="message previews">
      {(items) => (
        <>
          <h3 className="govuk-heading-s">What each message says</h3>
          <p className="govuk-body">
            With sample data. Messages give the course, time, place and a link: never why someone
            was nominated, evidence contents or anything about a case.
          </p>
          {items.map((preview) => (
            <details className="govuk-details" key={preview.kind}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  {MESSAGE_KINDS[preview.kind].label}
                </span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body-s">
                  <strong>Subject:</strong> {preview.subject}
                </p>
                <MessageBody text={preview.bodyText} />
                {preview.calendarMethod == null ? null : (
                  <p className="govuk-body-s">
                    {preview.calendarMethod === "CANCEL"
                      ? "Attached: a calendar cancellation that removes the entry."
                      : "Attached: a calendar invitation (Europe/London times)."}
                  </p>
                )}
              </div>
            </details>
          ))}
        </>
      )}
    </QueryState>
  );
}

function SettingsForm({ settings }: { settings: MessageSettings }) {
  const form = useForm<SettingsText>(
    {
      enabledKinds: settings.enabledKinds,
      reminderDays: settings.reminderDays.join(", "),
      senderName: settings.senderName,
      replyTo: settings.replyTo,
    },
    LABELS,
  );
  const navigateWithFlash = useNavigateWithFlash();
  const update = useMutation(
    trpc.messages.settings.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        navigateWithFlash("/settings", "Message settings saved");
      },
      onError: (error) => form.fromServer(error),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      enabledKinds: form.values.enabledKinds,
      reminderDays: reminderDaysOf(form.values.reminderDays),
      senderName: form.values.senderName,
      replyTo: form.values.replyTo.trim(),
    };
    if (form.validate(contract.messages.settings.update.input, input)) update.mutate(input);
  }
  const toggle = (kind: MessageKind, on: boolean) =>
    form.set(
      "enabledKinds",
      MESSAGE_KIND_CODES.filter((code) =>
        code === kind ? on : form.values.enabledKinds.includes(code),
      ),
    );
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate aria-labelledby="messages-settings">
        <Fieldset
          id="enabledKinds"
          legend="Messages to send"
          legendSize="s"
          hint="A message turned off is not written at all."
          error={form.errorFor("enabledKinds")}
        >
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {MESSAGE_KIND_CODES.map((kind) => (
              <Checkbox
                key={kind}
                id={kind === MESSAGE_KIND_CODES[0] ? "enabledKinds" : `enabledKinds-${kind}`}
                name="enabledKinds"
                value={kind}
                label={MESSAGE_KINDS[kind].label}
                hint={MESSAGE_KINDS[kind].recipients}
                checked={form.values.enabledKinds.includes(kind)}
                onChange={(event) => toggle(kind, event.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
        <TextInput
          label="Reminder days"
          hint="Days before a session that booked people are reminded, such as 7, 1"
          className="govuk-input--width-10"
          inputMode="numeric"
          {...form.text("reminderDays")}
        />
        <TextInput
          label="Sender name"
          hint="The name messages come from. Leave empty for your organisation's name."
          {...form.text("senderName")}
        />
        <TextInput
          label="Reply-to address"
          hint="Where replies go, such as training@council.gov.uk. Leave empty for the sending address."
          type="email"
          spellCheck={false}
          autoComplete="off"
          {...form.text("replyTo")}
        />
        <Button busy={update.isPending}>Save message settings</Button>
      </form>
    </>
  );
}

/** The settings page's section for the messages the service sends, saved on its own. */
export function MessageSettingsSection() {
  const settings = useQuery(trpc.messages.settings.get.queryOptions());
  return (
    <section aria-labelledby="messages-settings">
      <h2 className="govuk-heading-m" id="messages-settings">
        Messages
      </h2>
      <p className="govuk-body">
        Email confirmations, calendar invitations and reminders sent to staff and their managers.
      </p>
      <QueryState query={settings} what="message settings">
        {(loaded) => <SettingsForm settings={loaded} />}
      </QueryState>
      <Previews />
    </section>
  );
}
