import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import { contract } from "@dapkit/contract";
import { formatCount, formatDate, plural } from "@dapkit/schemas";
import { hasEnded, NOMINATION_STATE_LABELS, sessionRefusal } from "@dapkit/training";

import { Button, ButtonGroup } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { ErrorSummary } from "../../components/error-summary";
import { Fieldset } from "../../components/fieldset";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { BackLink, InsetText, PageHeading } from "../../components/small-parts";
import { TextInput } from "../../components/text-input";
import { Textarea } from "../../components/textarea";
import { useCurrentUser } from "../../lib/current-user";
import { useNavigateWithFlash } from "../../lib/flash";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";
import { TeamFilterSelects } from "../staff/team-filter-selects";

type Session = Outputs["training"]["sessions"]["get"];

type Candidates = Outputs["training"]["sessions"]["candidates"];

const PAGE_SIZE = 50;
const FILTERS = ["search", "department", "manager", "agency"] as const;

// Department, team and name: applied together, so "everyone in Housing" is one search.
function Filters({
  filters,
}: {
  filters: ReturnType<typeof useFilters<(typeof FILTERS)[number]>>;
}) {
  const [draft, setDraft] = useState(filters.values);
  return (
    <form
      className="app-filters"
      role="search"
      aria-label="Find staff"
      onSubmit={(event) => {
        event.preventDefault();
        filters.set({ ...draft, search: draft.search.trim() });
      }}
    >
      <TextInput
        name="search"
        label="Name or employee number"
        value={draft.search}
        onChange={(event) => setDraft({ ...draft, search: event.target.value })}
      />
      <TeamFilterSelects value={draft} onChange={setDraft} />
      <Button variant="secondary">Find staff</Button>
    </form>
  );
}

// Someone whose nomination was declined or cancelled may be nominated again; someone the
// session is not open to may not be nominated at all.
function canChoose(person: Candidates["items"][number]): boolean {
  if (person.refusal != null) return false;
  return person.nominationState == null || hasEnded(person.nominationState);
}

/** The first person on the page who can be ticked: the error summary's link goes to them. */
function firstSelectable(people: Candidates["items"]): string | undefined {
  return people.find(canChoose)?.id;
}

function whereTheyStand(person: Candidates["items"][number]): string {
  const where = `${person.jobTitle}, ${person.departmentName}`;
  if (person.refusal != null) return `${where}. ${person.refusal}`;
  if (person.nominationState == null) return where;
  const state = NOMINATION_STATE_LABELS[person.nominationState];
  return canChoose(person)
    ? `${where}. Earlier nomination: ${state}`
    : `${where}. Already nominated: ${state}`;
}

function NominateForm({ session }: { session: Session }) {
  const user = useCurrentUser();
  const flash = useNavigateWithFlash();
  const filters = useFilters(FILTERS);
  const { search, department, manager, agency } = filters.values;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState("");
  const [mandatory, setMandatory] = useState(false);
  const form = useFormErrors({ staffIds: "Staff", reason: "Reason" });
  usePageTitle("Nominate staff", { error: form.invalid });
  const candidates = useQuery({
    ...trpc.training.sessions.candidates.queryOptions({
      sessionId: session.id,
      page: filters.page,
      ...filters.position,
      pageSize: PAGE_SIZE,
      ...(search === "" ? {} : { search }),
      ...(department === "" ? {} : { departmentId: department }),
      ...(manager === "" ? {} : { managerId: manager }),
      ...(agency === "" ? {} : { agencyId: agency }),
    }),
    placeholderData: keepPreviousData,
  });
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

  function toggle(ids: readonly string[], on: boolean) {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { sessionId: session.id, staffIds: [...selected], reason, mandatory };
    if (form.validate(contract.training.nominations.create.input, input)) nominate.mutate(input);
  }

  const filtered = search !== "" || department !== "" || manager !== "" || agency !== "";
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        Nominate staff
      </PageHeading>
      <p className="govuk-body">
        {plural(session.placesLeft, "place")} left. People booked after the session is full go on
        the waiting list.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Filters key={JSON.stringify(filters.values)} filters={filters} />
        </div>
        <form className="govuk-grid-column-two-thirds" onSubmit={submit} noValidate>
          <QueryState query={candidates} what="staff list">
            {(result) => (
              <>
                <p className="govuk-body" role="status">
                  {result.total === 0
                    ? "Nobody matches."
                    : `${formatCount(result.total)} ${filtered ? "matching" : "current"} staff, ${formatCount(result.selectableIds.length)} who can be nominated${result.truncated ? " among the first 1,000" : ""}.`}
                </p>
                {result.selectableIds.length === 0 ? null : (
                  <ButtonGroup>
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() => toggle(result.selectableIds, true)}
                    >
                      {user.role === "manager" && !filtered
                        ? "Select your whole team"
                        : `Select all ${plural(result.selectableIds.length, "person", "people")} that match`}
                    </Button>
                    {selected.size === 0 ? null : (
                      <Button
                        type="button"
                        variant="secondary"
                        onClick={() => setSelected(new Set())}
                      >
                        Clear selection
                      </Button>
                    )}
                  </ButtonGroup>
                )}
                <Fieldset
                  id="staffIds"
                  legend={filtered ? "Staff matching your search" : "Staff you can nominate"}
                  hint="Select everyone you want to nominate. Your selection is kept as you change page or search."
                  error={form.errorFor("staffIds")}
                >
                  <div
                    className="govuk-checkboxes govuk-checkboxes--small"
                    data-module="govuk-checkboxes"
                  >
                    {result.items.map((person) =>
                      // Someone already nominated cannot be chosen, so is listed without a
                      // checkbox: a greyed-out disabled one would fail colour contrast.
                      !canChoose(person) ? (
                        <div className="app-already-nominated" key={person.id}>
                          <p className="govuk-body govuk-!-margin-bottom-0">{person.name}</p>
                          <p className="govuk-hint govuk-!-margin-bottom-0">
                            {whereTheyStand(person)}
                          </p>
                        </div>
                      ) : (
                        <Checkbox
                          key={person.id}
                          // The error summary links to the first box that can be ticked.
                          id={
                            person.id === firstSelectable(result.items)
                              ? "staffIds"
                              : `staff-${person.id}`
                          }
                          name="staffIds"
                          value={person.id}
                          label={person.name}
                          hint={whereTheyStand(person)}
                          checked={selected.has(person.id)}
                          onChange={(event) => toggle([person.id], event.target.checked)}
                        />
                      ),
                    )}
                  </div>
                </Fieldset>
                <ResultPagination result={result} hrefFor={filters.hrefFor} />
              </>
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
      </div>
    </>
  );
}

/** Why nobody can be nominated: the session has started, closed or been cancelled. */
function NoNominations({ session, refusal }: { session: Session; refusal: string }) {
  usePageTitle("Nominate staff");
  return (
    <>
      <PageHeading caption={`${session.courseTitle}, ${formatDate(session.startsAt)}`}>
        Nominate staff
      </PageHeading>
      <InsetText>{refusal}</InsetText>
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
        {(session) => {
          const refusal = sessionRefusal(session, "nominate", new Date());
          return refusal == null ? (
            <NominateForm session={session} />
          ) : (
            <NoNominations session={session} refusal={refusal} />
          );
        }}
      </QueryState>
    </>
  );
}
