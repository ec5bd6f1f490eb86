import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { EVIDENCE_STATUS_LABELS } from "@dapkit/daha";
import type { EvidenceStatus } from "@dapkit/schemas";

import { Button, ButtonGroup, ButtonLink } from "../../components/button";
import { DownloadLink } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { ResultCount } from "../../components/result-count";
import { ResultPagination } from "../../components/result-pagination";
import { Select } from "../../components/select";
import { PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { TextInput } from "../../components/text-input";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { useFilters } from "../../lib/search-params";
import { trpc, type Outputs } from "../../trpc";
import { EvidenceTable } from "./evidence-table";
import { PackDownload } from "./pack-download";

type Framework = Outputs["evidence"]["framework"];

const PAGE_SIZE = 50;
const FILTERS = ["search", "area", "status"] as const;

type Filters = ReturnType<typeof useFilters<(typeof FILTERS)[number]>>;

function FilterForm({ filters, framework }: { filters: Filters; framework: Framework }) {
  const [draft, setDraft] = useState(filters.values);
  function apply(event: FormEvent) {
    event.preventDefault();
    filters.set(draft);
  }
  return (
    <form className="app-filters" onSubmit={apply} role="search" aria-label="Filter evidence">
      <h2 className="govuk-heading-s">Filter evidence</h2>
      <TextInput
        name="search"
        label="Title contains"
        value={draft.search}
        onChange={(event) => setDraft({ ...draft, search: event.target.value })}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Select
            name="area"
            label="Priority area"
            value={draft.area}
            onChange={(event) => setDraft({ ...draft, area: event.target.value })}
            options={[
              { value: "", text: "Every priority area" },
              ...framework.areas.map((area) => ({ value: area.id, text: area.name })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            name="status"
            label="Status"
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
            options={[
              { value: "", text: "Any status" },
              ...Object.entries(EVIDENCE_STATUS_LABELS).map(([value, text]) => ({ value, text })),
            ]}
          />
        </div>
      </div>
      <Button variant="secondary" className="govuk-!-margin-bottom-0">
        Apply filters
      </Button>
    </form>
  );
}

// The chosen area's name, readiness and description above its evidence.
function AreaHeading({ area, rag }: { area: Framework["areas"][number]; rag: string | undefined }) {
  return (
    <>
      <h2 className="govuk-heading-m">
        {area.name} {rag === undefined ? null : <StatusTag status={rag} />}
      </h2>
      {area.description === "" ? null : <p className="govuk-body">{area.description}</p>}
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/accreditation/areas/${encodeURIComponent(area.id)}`}>
            Action plan for {area.name}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/accreditation">
            Show every priority area
          </Link>
        </li>
      </ul>
    </>
  );
}

function EvidenceResults({ filters, framework }: { filters: Filters; framework: Framework }) {
  const { search, area, status } = filters.values;
  const evidence = useQuery({
    ...trpc.evidence.list.queryOptions({
      page: filters.page,
      ...filters.position,
      pageSize: PAGE_SIZE,
      ...(search === "" ? {} : { search }),
      ...(area === "" ? {} : { areaId: area }),
      // The server checks the status, so one mistyped in the address is named in its answer.
      ...(status === "" ? {} : { status: status as EvidenceStatus }),
    }),
    placeholderData: keepPreviousData,
  });
  const readiness = useQuery(trpc.evidence.readiness.queryOptions({}));
  const chosen = framework.areas.find((each) => each.id === area);
  const areaNames = new Map(framework.areas.map((each) => [each.id, each.name]));
  return (
    <>
      {chosen === undefined ? null : (
        <AreaHeading
          area={chosen}
          rag={readiness.data?.areas.find((each) => each.areaId === chosen.id)?.rag}
        />
      )}
      <QueryState query={evidence} what="evidence">
        {(result) => (
          <>
            <ResultCount
              result={result}
              noun="evidence items"
              empty={
                search === "" && area === "" && status === ""
                  ? "No evidence has been added yet."
                  : "No evidence matches these filters."
              }
            />
            {result.total === 0 ? null : (
              <EvidenceTable
                items={result.items}
                caption={chosen === undefined ? "Evidence" : `Evidence for ${chosen.name}`}
                empty="No evidence on this page: go back to the first page."
                {...(chosen === undefined ? { areaNames } : {})}
              />
            )}
            <ResultPagination result={result} hrefFor={filters.hrefFor} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** The organisation's evidence by title, filtered by priority area and status, a page at a time. */
export function EvidenceLibraryPage() {
  usePageTitle("Evidence library");
  const user = useCurrentUser();
  const filters = useFilters(FILTERS);
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  return (
    <>
      <FlashBanner />
      <PageHeading caption="DAHA accreditation">Evidence library</PageHeading>
      <DownloadLink name="evidence" description="all evidence" />
      <ButtonGroup>
        {can(user, "manageEvidence") ? (
          <ButtonLink to="/accreditation/evidence/new">Add evidence</ButtonLink>
        ) : null}
        <ButtonLink to="/accreditation/readiness" variant="secondary">
          Readiness by area
        </ButtonLink>
      </ButtonGroup>
      <PackDownload />
      <QueryState query={framework} what="framework">
        {(loaded) => (
          <>
            <p className="govuk-body-s">{loaded.name}</p>
            <FilterForm key={JSON.stringify(filters.values)} filters={filters} framework={loaded} />
            <EvidenceResults filters={filters} framework={loaded} />
          </>
        )}
      </QueryState>
    </>
  );
}
