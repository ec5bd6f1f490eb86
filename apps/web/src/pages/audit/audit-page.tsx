import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";

import { contract, type PageSize } from "@dapkit/contract";
import { formatDate, formatDateTime, plural } from "@dapkit/schemas";

import { Button } from "../../components/button";
import { TableScroll } from "../../components/data-table";
import { DateInput } from "../../components/date-input";
import { DownloadLink } from "../../components/download-link";
import { ErrorSummary } from "../../components/error-summary";
import { ResultPagination } from "../../components/result-pagination";
import { QueryState } from "../../components/query-state";
import { Select } from "../../components/select";
import { TableHead } from "../../components/table-head";
import { optionalIsoFromParts, partsFromIso } from "../../lib/date-parts";
import { usePageTitle } from "../../lib/page-title";
import { useFilters } from "../../lib/search-params";
import { useForm } from "../../lib/use-form";
import { trpc, type Outputs } from "../../trpc";
import { changedFields, codeWords } from "./audit-changes";

type Entry = Outputs["audit"]["list"]["items"][number];

const PAGE_SIZE: PageSize = 50;
const KEYS = ["userId", "action", "entity", "from", "to"] as const;
const LABELS = {
  userId: "Person",
  action: "Action",
  entity: "Record type",
  from: "From",
  to: "To",
};

function anyone(label: string, options: { value: string; text: string }[]) {
  return [{ value: "", text: label }, ...options];
}

function Filters({
  values,
  apply,
}: {
  values: Record<(typeof KEYS)[number], string>;
  apply: (next: Record<string, string>) => void;
}) {
  const users = useQuery(trpc.users.list.queryOptions());
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const form = useForm(
    {
      userId: values.userId,
      action: values.action,
      entity: values.entity,
      from: partsFromIso(values.from),
      to: partsFromIso(values.to),
    },
    LABELS,
  );
  usePageTitle("Audit log", { error: form.invalid });

  function submit(event: FormEvent) {
    event.preventDefault();
    const from = optionalIsoFromParts(form.values.from, "From date");
    const to = optionalIsoFromParts(form.values.to, "To date");
    const next = {
      userId: form.values.userId,
      action: form.values.action,
      entity: form.values.entity,
      from: "iso" in from ? from.iso : "",
      to: "iso" in to ? to.iso : "",
    };
    const ok = form.validate(contract.audit.list.input, filterInput(next, 1), [
      "error" in from ? { field: "from", message: from.error } : null,
      "error" in to ? { field: "to", message: to.error } : null,
    ]);
    if (ok) apply(next);
  }

  const people = [...(users.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((user) => ({ value: user.id, text: user.name }));
  const codes = (list: readonly string[] | undefined) =>
    (list ?? []).map((code) => ({ value: code, text: codeWords(code) }));
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate className="app-filters" aria-label="Filter the audit log">
        <h2 className="govuk-heading-m">Filter</h2>
        <Select label="Person" options={anyone("Anyone", people)} {...form.text("userId")} />
        <Select
          label="Action"
          options={anyone("Any action", codes(facets.data?.actions))}
          {...form.text("action")}
        />
        <Select
          label="Record type"
          options={anyone("Any type of record", codes(facets.data?.entities))}
          {...form.text("entity")}
        />
        <DateInput
          legend="From"
          hint="For example, 1 4 2026. Leave empty for no limit."
          {...form.date("from")}
        />
        <DateInput legend="To" hint="Includes the whole day." {...form.date("to")} />
        <Button variant="secondary">Apply filters</Button>
        <p className="govuk-body">
          <Link className="govuk-link" to="/audit">
            Clear filters
          </Link>
        </p>
      </form>
    </>
  );
}

/** The list procedure's input for filters held as text (empty means "any"). */
export function filterInput(values: Partial<Record<(typeof KEYS)[number], string>>, page: number) {
  const given = (value: string | undefined) =>
    value === undefined || value === "" ? undefined : value;
  return {
    page,
    pageSize: PAGE_SIZE,
    userId: given(values.userId),
    action: given(values.action),
    entity: given(values.entity),
    from: given(values.from),
    to: given(values.to),
  };
}

/** The audit export's query: the same filters as the list, without paging, empty ones left out. */
export function exportFilters(values: Partial<Record<(typeof KEYS)[number], string>>) {
  const { page: _page, pageSize: _pageSize, ...filters } = filterInput(values, 1);
  return filters;
}

function Changes({ entry }: { entry: Entry }) {
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <>No fields recorded</>;
  return (
    <dl className="app-changes">
      {changes.map((change) => (
        <div key={change.field} className="app-changes__row">
          <dt className="app-changes__field">{change.field}</dt>
          <dd className="app-changes__values">
            <span className="govuk-visually-hidden">was </span>
            <del className="app-changes__before">{change.before}</del>
            <span aria-hidden="true"> → </span>
            <span className="govuk-visually-hidden">, now </span>
            <ins className="app-changes__after">{change.after}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Entries({ entries }: { entries: Entry[] }) {
  return (
    <TableScroll labelledBy="audit-entries">
      <table className="govuk-table">
        <caption className="govuk-visually-hidden" id="audit-entries">
          Audit log entries, newest first
        </caption>
        <TableHead headers={["When", "Who", "What", "Changes"]} />
        <tbody className="govuk-table__body">
          {entries.map((entry) => (
            <tr className="govuk-table__row" key={entry.id}>
              <td className="govuk-table__cell">{formatDateTime(entry.at)}</td>
              <td className="govuk-table__cell">
                {entry.userName ?? "Nobody signed in"}
                {entry.source == null ? null : (
                  <span className="govuk-hint app-audit-source">from {entry.source}</span>
                )}
              </td>
              <td className="govuk-table__cell">
                {codeWords(entry.action)}: {codeWords(entry.entity).toLowerCase()}
                {entry.entityId == null ? null : (
                  <span className="govuk-hint app-audit-source">{entry.entityId}</span>
                )}
              </td>
              <td className="govuk-table__cell">
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function rangeWords(from: string, to: string): string | null {
  if (from === "" && to === "") return null;
  if (from === "") return `up to ${formatDate(to)}`;
  if (to === "") return `from ${formatDate(from)}`;
  return `from ${formatDate(from)} to ${formatDate(to)}`;
}

/** Every change and sign-in in the organisation, newest first, filtered and paged: admins only. */
export function AuditPage() {
  const filters = useFilters(KEYS);
  const input = { ...filterInput(filters.values, filters.page), ...filters.position };
  const entries = useQuery(trpc.audit.list.queryOptions(input));
  const range = rangeWords(filters.values.from, filters.values.to);
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Who did what, and when: every change, sign-in and refused request, newest first.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Filters
            key={JSON.stringify(filters.values)}
            values={filters.values}
            apply={filters.set}
          />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <QueryState query={entries} what="audit log">
            {(result) => (
              <>
                <p className="govuk-body" role="status">
                  {plural(result.total, "entry", "entries")}
                  {range == null ? "" : ` ${range}`}
                </p>
                {result.items.length === 0 ? (
                  <p className="govuk-body">No entries match these filters.</p>
                ) : (
                  <Entries entries={result.items} />
                )}
                <ResultPagination result={result} hrefFor={filters.hrefFor} />
              </>
            )}
          </QueryState>
          <h2 className="govuk-heading-s">Download</h2>
          <p className="govuk-body">The downloads hold every entry that matches the filters.</p>
          <DownloadLink
            name="audit"
            description={range == null ? "the audit log" : `the audit log ${range}`}
            query={exportFilters(filters.values)}
          />
        </div>
      </div>
    </>
  );
}
