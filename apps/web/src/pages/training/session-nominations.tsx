import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { contract } from "@dapkit/contract";
import { formatDate, plural } from "@dapkit/schemas";
import {
  NOMINATION_ACTIONS,
  NOMINATION_STATE_LABELS,
  nominationActions,
  type NominationAction,
} from "@dapkit/training";

import { Button, ButtonGroup } from "../../components/button";
import { Checkbox } from "../../components/checkbox";
import { DataTable } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { NotificationBanner } from "../../components/notification-banner";
import { Pagination } from "../../components/pagination";
import { Select } from "../../components/select";
import { StatusTag } from "../../components/tag";
import { Textarea } from "../../components/textarea";
import { useCurrentUser } from "../../lib/current-user";
import { useFilters } from "../../lib/search-params";
import { can, type CurrentUser } from "../../lib/permissions";
import { useFormErrors } from "../../lib/use-form-errors";
import { queryClient, trpc, type Outputs } from "../../trpc";

type Session = Outputs["training"]["sessions"]["get"];
type Nomination = Session["nominations"][number];
type Result = Outputs["training"]["nominations"]["applyMany"];

/** The actions this user may take on many nominations at once, in button order. */
function allowedActions(user: CurrentUser): NominationAction[] {
  return (Object.keys(NOMINATION_ACTIONS) as NominationAction[]).filter((action) =>
    action === "cancel" ? can(user, "cancelNomination") : can(user, "manageTraining"),
  );
}

// A session with hundreds nominated shows them a page at a time; "select all" still takes everyone
// the filter shows, on every page.
const ROWS_PER_PAGE = 50;
const NO_FILTERS = [] as const;

// Declining and cancelling take a place away, so they ask for a reason and a second look.
const NEEDS_REASON: ReadonlySet<NominationAction> = new Set(["decline", "cancel"]);

function useApply(onDone: (result: Result) => void) {
  const options = {
    onSuccess: async (result: Result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.training.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      onDone(result);
    },
  };
  const apply = useMutation(trpc.training.nominations.applyMany.mutationOptions(options));
  const cancel = useMutation(trpc.training.nominations.cancelMany.mutationOptions(options));
  return { apply, cancel, busy: apply.isPending || cancel.isPending };
}

/** What a bulk action did: counts, then each person's outcome and, when skipped, why. */
function Outcomes({ result }: { result: Result }) {
  const counts = new Map<string, number>();
  for (const row of result.results) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  const summary = [...counts]
    .map(([outcome, n]) =>
      outcome === "skipped"
        ? `${n} skipped`
        : `${NOMINATION_STATE_LABELS[outcome as Nomination["state"]]}: ${n}`,
    )
    .join(", ");
  return (
    <>
      <NotificationBanner kind="success">
        <p className="govuk-notification-banner__heading">Done. {summary}.</p>
        {result.promoted.length === 0 ? null : (
          <p className="govuk-body">
            Booked from the waiting list into the places freed:{" "}
            {result.promoted.map((row) => row.staffName).join(", ")}.
          </p>
        )}
      </NotificationBanner>
      <DataTable<Result["results"][number]>
        caption="What happened to each person"
        captionSize="s"
        rows={result.results}
        rowKey={(row) => row.id}
        downloadable={false}
        columns={[
          { header: "Name", rowHeader: true, cell: (row) => row.staffName || "Not found" },
          {
            header: "Outcome",
            cell: (row) =>
              row.outcome === "skipped" ? (
                <StatusTag status="skipped" text="Skipped" />
              ) : (
                <StatusTag status={row.outcome} />
              ),
          },
          { header: "Why", cell: (row) => row.reason ?? "" },
        ]}
      />
    </>
  );
}

/** "Decline 3 people?": who, a required reason, and the button that does it. */
function Confirm({
  session,
  action,
  chosen,
  busy,
  onConfirm,
  onBack,
}: {
  session: Session;
  action: "decline" | "cancel";
  chosen: readonly Nomination[];
  busy: boolean;
  onConfirm: (note: string, form: ReturnType<typeof useFormErrors>) => void;
  onBack: () => void;
}) {
  const [note, setNote] = useState("");
  const form = useFormErrors({ note: "Reason", ids: "People" });
  const words = NOMINATION_ACTIONS[action];
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { sessionId: session.id, ids: chosen.map((row) => row.id), note };
    const valid =
      action === "cancel"
        ? form.validate(contract.training.nominations.cancelMany.input, input)
        : form.validate(contract.training.nominations.applyMany.input, {
            ...input,
            action: "decline",
          });
    if (valid) onConfirm(note, form);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="confirm-heading">
      <ErrorSummary errors={form.errors} />
      <h2 className="govuk-heading-l" id="confirm-heading">
        {words.label} {plural(chosen.length, "nomination")}?
      </h2>
      <p className="govuk-body">
        They will be {words.done}, and told so in their history. This cannot be undone.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {chosen.map((row) => (
          <li key={row.id}>{row.staffName}</li>
        ))}
      </ul>
      <Textarea
        name="note"
        label={`Reason for ${action === "cancel" ? "cancelling" : "declining"}`}
        hint="Everyone selected gets this reason in their history."
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={form.errorFor("note")}
      />
      <ButtonGroup>
        <Button variant="warning" busy={busy}>
          {words.label} {plural(chosen.length, "nomination")}
        </Button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onBack}>
          Go back
        </button>
      </ButtonGroup>
    </form>
  );
}

/**
 * A session's nominations with a checkbox each, "select all" (of those shown), a state filter and
 * one row of actions for everyone selected, instead of buttons on every row.
 */
export function SessionNominations({ session }: { session: Session }) {
  const user = useCurrentUser();
  const actions = allowedActions(user);
  const [state, setState] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<"decline" | "cancel" | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const form = useFormErrors({ ids: "People" });
  const run = useApply((done) => {
    setResult(done);
    setSelected(new Set());
    setConfirming(null);
  });
  const shown = session.nominations.filter((row) => state === "" || row.state === state);
  const chosen = session.nominations.filter((row) => selected.has(row.id));
  // Only those an action can still move: a declined or cancelled nomination is final.
  const selectable = shown.filter((row) => nominationActions(row.state).length > 0);
  const allShown = selectable.length > 0 && selectable.every((row) => selected.has(row.id));
  const present = new Set(session.nominations.map((row) => row.state));
  const paging = useFilters(NO_FILTERS);
  const page = Math.min(paging.page, Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE)));
  const onPage = shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
  // A substitute takes a booked place until the session starts.
  const substitutes =
    can(user, "cancelNomination") && (session.status === "open" || session.status === "full");

  function toggle(ids: readonly string[], on: boolean) {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelected(next);
  }

  function start(action: NominationAction) {
    setResult(null);
    const ids = chosen.map((row) => row.id);
    if (NEEDS_REASON.has(action)) {
      if (
        form.check([
          ids.length === 0 ? { field: "ids", message: "Select at least one person" } : null,
        ])
      )
        setConfirming(action as "decline" | "cancel");
      return;
    }
    const input = { sessionId: session.id, action: action as "approve" | "book", ids };
    if (form.validate(contract.training.nominations.applyMany.input, input)) {
      run.apply.mutate(input, { onError: form.fromServer });
    }
  }

  if (confirming != null) {
    return (
      <Confirm
        session={session}
        action={confirming}
        chosen={chosen}
        busy={run.busy}
        onBack={() => setConfirming(null)}
        onConfirm={(note, confirmForm) => {
          const ids = chosen.map((row) => row.id);
          const onError = confirmForm.fromServer;
          if (confirming === "cancel")
            run.cancel.mutate({ sessionId: session.id, ids, note }, { onError });
          else
            run.apply.mutate({ sessionId: session.id, action: "decline", ids, note }, { onError });
        }}
      />
    );
  }

  return (
    <>
      {result == null ? null : <Outcomes result={result} />}
      <ErrorSummary errors={form.errors} />
      <h2 className="govuk-heading-m">Nominations ({session.nominations.length})</h2>
      <Select
        name="state"
        label="Show"
        value={state}
        onChange={(event) => setState(event.target.value)}
        options={[
          { value: "", text: "Everyone" },
          ...Object.entries(NOMINATION_STATE_LABELS)
            .filter(([value]) => present.has(value as Nomination["state"]))
            .map(([value, text]) => ({ value, text })),
        ]}
      />
      {actions.length === 0 || shown.length === 0 ? null : (
        <div className="govuk-form-group" id="ids">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <Checkbox
              id="select-all"
              label={`Select all ${plural(selectable.length, "person", "people")} shown`}
              checked={allShown}
              onChange={(event) =>
                toggle(
                  selectable.map((row) => row.id),
                  event.target.checked,
                )
              }
            />
          </div>
          <p className="govuk-body govuk-!-margin-top-2" role="status">
            {plural(selected.size, "person", "people")} selected
          </p>
          <div className="govuk-button-group">
            {actions.map((action) => (
              <Button
                key={action}
                type="button"
                variant={NEEDS_REASON.has(action) ? "warning" : "secondary"}
                busy={run.busy}
                onClick={() => start(action)}
              >
                {NOMINATION_ACTIONS[action].label} selected
              </Button>
            ))}
          </div>
        </div>
      )}
      <DataTable<Nomination>
        caption={
          state === ""
            ? "Everyone nominated"
            : `Nominations: ${NOMINATION_STATE_LABELS[state as Nomination["state"]]}`
        }
        captionSize="visually-hidden"
        rows={onPage}
        rowKey={(row) => row.id}
        empty="Nobody has been nominated for this session yet."
        // The session's own export, below the section, holds every row on every page.
        downloadable={false}
        columns={[
          ...(actions.length === 0
            ? []
            : [
                {
                  header: <span className="govuk-visually-hidden">Select</span>,
                  notExported: true,
                  cell: (row: Nomination) => (
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <Checkbox
                        id={`select-${row.id}`}
                        label={
                          <span className="govuk-visually-hidden">Select {row.staffName}</span>
                        }
                        checked={selected.has(row.id)}
                        disabled={nominationActions(row.state).length === 0}
                        onChange={(event) => toggle([row.id], event.target.checked)}
                      />
                    </div>
                  ),
                },
              ]),
          {
            header: "Name",
            rowHeader: true,
            cell: (row) => (
              <Link className="govuk-link" to={`/training/nominations/${row.id}`}>
                {row.staffName}
              </Link>
            ),
          },
          { header: "Department", cell: (row) => row.departmentName },
          // In a partnership, whose places are whose.
          ...(session.nominations.some((row) => row.agencyName != null)
            ? [{ header: "Agency", cell: (row: Nomination) => row.agencyName ?? "" }]
            : []),
          {
            header: "Status",
            cell: (row) => (
              <>
                <StatusTag status={row.state} />
                {row.waitlistPosition == null ? null : (
                  <span className="govuk-body-s"> Number {row.waitlistPosition}</span>
                )}
                {row.mandatory ? <span className="govuk-body-s"> (mandatory)</span> : null}
                {row.substitutedForId == null ? null : (
                  <span className="govuk-body-s"> (substitute)</span>
                )}
                {row.unscheduled ? (
                  <span className="govuk-body-s"> (attended without a booking)</span>
                ) : null}
              </>
            ),
          },
          { header: "Since", cell: (row) => formatDate(row.stateChangedAt) },
          ...(substitutes
            ? [
                {
                  header: <span className="govuk-visually-hidden">Action</span>,
                  notExported: true,
                  cell: (row: Nomination) =>
                    row.state === "booked" ? (
                      <Link
                        className="govuk-link"
                        to={`/training/nominations/${row.id}/substitute`}
                      >
                        Send a substitute
                        <span className="govuk-visually-hidden"> for {row.staffName}</span>
                      </Link>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Pagination
        page={page}
        pageSize={ROWS_PER_PAGE}
        total={shown.length}
        hrefFor={paging.hrefFor}
      />
    </>
  );
}
