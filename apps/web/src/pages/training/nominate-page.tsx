import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, plural } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { ErrorSummary } from "../../components/error-summary";
import { Fieldset } from "../../components/fieldset";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];

// Enough for a whole team on one screen; a search narrows a large department.
const SHOWN = 100;

function NominateForm({ session }: { session: Session }) {
  const flash = useNavigateWithFlash();
  const [search, setSearch] = useState("");
  const [applied, setApplied] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState("");
  const [mandatory, setMandatory] = useState(false);
  const form = useFormErrors({ staffIds: "Staff", reason: "Reason" });
  usePageTitle("Nominate staff", { error: form.invalid });
  const staff = useQuery({
    ...trpc.staff.list.queryOptions({
      page: 1,
      pageSize: SHOWN,
      active: true,
      ...(applied === "" ? {} : { search: applied }),
    }),
    placeholderData: keepPreviousData,
  });
  const already = new Map(
    session.nominations.map((nomination) => [nomination.staffId, nomination.state]),
  );
  const nominate = useMutation(
    trpc.training.nominations.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        flash(
          `/training/sessions/${session.id}`,
          `${plural(created.length, "person", "people")} nominated`,
        );
      },
      onError: form.fromServer,
    }),
  );

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { sessionId: session.id, staffIds: [...selected], reason, mandatory };
    if (form.validate(contract.training.nominations.create.input, input)) nominate.mutate(input);
  }

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        Nominate staff
      </PageHeading>
      <p className="govuk-body">
        {plural(session.placesLeft, "place")} left. People nominated after the session is full go on
        the waiting list.
      </p>
      <form
        role="search"
        aria-label="Find staff"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(search.trim());
        }}
      >
        <TextInput
          name="search"
          label="Search by name or employee number"
          className="govuk-!-width-one-half"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Button variant="secondary">Search</Button>
      </form>
      <form onSubmit={submit} noValidate>
        <QueryState query={staff} what="staff list">
          {(result) => (
            <Fieldset
              id="staffIds"
              legend={applied === "" ? "Staff you can nominate" : `Staff matching “${applied}”`}
              hint={
                result.total > result.items.length
                  ? `Showing ${result.items.length} of ${result.total}. Search to find others.`
                  : "Select everyone you want to nominate."
              }
              error={form.errorFor("staffIds")}
            >
              <div
                className="govuk-checkboxes govuk-checkboxes--small"
                data-module="govuk-checkboxes"
              >
                {result.items.length === 0 ? (
                  <p className="govuk-body">Nobody matches that search.</p>
                ) : null}
                {result.items.map((person, index) => {
                  const state = already.get(person.id);
                  return (
                    <Checkbox
                      key={person.id}
                      id={index === 0 ? "staffIds" : `staff-${person.id}`}
                      name="staffIds"
                      value={person.id}
                      label={person.name}
                      hint={`${person.jobTitle}, ${person.departmentName}${state === undefined ? "" : ". Already nominated"}`}
                      checked={selected.has(person.id)}
                      disabled={state !== undefined}
                      onChange={(event) => toggle(person.id, event.target.checked)}
                    />
                  );
                })}
              </div>
            </Fieldset>
          )}
        </QueryState>
        <p className="govuk-body" role="status">
          {plural(selected.size, "person", "people")} selected
        </p>
        <Textarea
          name="reason"
          label="Reason for the nomination (optional)"
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={form.errorFor("reason")}
        />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <Checkbox
              id="mandatory"
              name="mandatory"
              label="This training is mandatory for these people"
              checked={mandatory}
              onChange={(event) => setMandatory(event.target.checked)}
            />
          </div>
        </div>
        <Button busy={nominate.isPending}>Nominate selected staff</Button>
      </form>
    </>
  );
}

export function NominatePage() {
  const { sessionId = "" } = useParams();
  const query = useQuery(trpc.training.sessions.get.queryOptions({ id: sessionId }));
  return (
    <>
      <BackLink to={`/training/sessions/${sessionId}`}>Back to the session</BackLink>
      <QueryState query={query} what="session">
        {(session) => <NominateForm session={session} />}
      </QueryState>
    </>
  );
}
