import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

import { EVIDENCE_KIND_LABELS } from "@dapkit/daha";
import { formatDate } from "@dapkit/schemas";

import { ButtonGroup, ButtonLink } from "../../components/button";
import { DataTable } from "../../components/data-table";
import { DownloadLink } from "../../components/download-link";
import { FlashBanner } from "../../components/flash-banner";
import { QueryState } from "../../components/query-state";
import { PageHeading } from "../../components/small-parts";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { PackDownload } from "./pack-download";

type Evidence = Outputs["evidence"]["list"][number];
type Framework = Outputs["evidence"]["framework"];

function AreaSection({
  area,
  items,
  rag,
}: {
  area: Framework["areas"][number];
  items: Evidence[];
  rag: string | undefined;
}) {
  return (
    <section
      id={`area-${area.id}`}
      aria-labelledby={`area-${area.id}-heading`}
      className="govuk-!-margin-bottom-8"
    >
      <h2 className="govuk-heading-m" id={`area-${area.id}-heading`}>
        {area.name} {rag === undefined ? null : <StatusTag status={rag} />}
      </h2>
      {area.description === "" ? null : <p className="govuk-body">{area.description}</p>}
      <DataTable<Evidence>
        caption={`Evidence for ${area.name}`}
        captionSize="visually-hidden"
        rows={items}
        rowKey={(row) => row.id}
        empty="No evidence has been added for this area yet."
        columns={[
          {
            header: "Evidence",
            rowHeader: true,
            cell: (row) => (
              <Link className="govuk-link" to={`/accreditation/evidence/${row.id}`}>
                {row.title}
              </Link>
            ),
          },
          { header: "Kind", cell: (row) => EVIDENCE_KIND_LABELS[row.kind] },
          { header: "Owner", cell: (row) => row.owner },
          { header: "Status", cell: (row) => <StatusTag status={row.status} /> },
          {
            header: "Review by",
            cell: (row) => (row.reviewDate == null ? "Not set" : formatDate(row.reviewDate)),
          },
          { header: "Files", numeric: true, cell: (row) => row.revisionCount },
        ]}
      />
    </section>
  );
}

export function EvidenceLibraryPage() {
  usePageTitle("Evidence library");
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const areaFilter = params.get("area") ?? "";
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  const evidence = useQuery(trpc.evidence.list.queryOptions({}));
  const readiness = useQuery(trpc.evidence.readiness.queryOptions({}));
  const ragOf = new Map(readiness.data?.areas.map((area) => [area.areaId, area.rag]));
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
            <nav aria-label="Priority areas" className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Priority areas</h2>
              <p className="govuk-body-s">{loaded.name}</p>
              <ul className="govuk-list">
                {loaded.areas.map((area) => (
                  <li key={area.id}>
                    <a className="govuk-link" href={`#area-${area.id}`}>
                      {area.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <QueryState query={evidence} what="evidence">
              {(items) => (
                <>
                  {loaded.areas
                    .filter((area) => areaFilter === "" || area.id === areaFilter)
                    .map((area) => (
                      <AreaSection
                        key={area.id}
                        area={area}
                        rag={ragOf.get(area.id)}
                        items={items.filter((item) => item.areaId === area.id)}
                      />
                    ))}
                  {areaFilter === "" ? null : (
                    <p className="govuk-body">
                      <Link className="govuk-link" to="/accreditation">
                        Show every priority area
                      </Link>
                    </p>
                  )}
                </>
              )}
            </QueryState>
          </>
        )}
      </QueryState>
    </>
  );
}
