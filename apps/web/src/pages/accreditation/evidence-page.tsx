import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { EVIDENCE_KIND_LABELS, evidenceLockReason } from "@dapkit/daha";
import { formatDate, formatDateTime } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { NotificationBanner } from "../../components/notification-banner";
import { QueryState } from "../../components/query-state";
import { BackLink, PageHeading } from "../../components/small-parts";
import { SummaryList } from "../../components/summary-list";
import { StatusTag } from "../../components/tag";
import { useCurrentUser } from "../../lib/current-user";
import { useFlash } from "../../lib/flash";
import { formatBytes } from "../../lib/format";
import { usePageTitle } from "../../lib/page-title";
import { can } from "../../lib/permissions";
import { trpc, type Outputs } from "../../trpc";
import { ReviewEvidence } from "./review-evidence";
import { UploadEvidenceFile } from "./upload-evidence-file";

type Evidence = Outputs["evidence"]["get"];

function EvidenceDetails({ evidence, areaName }: { evidence: Evidence; areaName: string }) {
  const user = useCurrentUser();
  const manage = can(user, "manageEvidence");
  const editable = evidenceLockReason(evidence.recordedStatus) == null;
  // One banner, for the latest thing done: adding the item (left by the form), an upload or a decision.
  const [outcome, setOutcome] = useState<string | null>(useFlash() ?? null);
  return (
    <>
      {outcome == null ? null : <NotificationBanner kind="success">{outcome}</NotificationBanner>}
      <PageHeading caption={areaName}>{evidence.title}</PageHeading>
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={evidence.status} /> },
          { key: "Priority area", value: areaName },
          { key: "Kind", value: EVIDENCE_KIND_LABELS[evidence.kind] },
          { key: "Owner", value: evidence.owner },
          { key: "Effective date", value: formatDate(evidence.effectiveDate) },
          {
            key: "Review date",
            value: evidence.reviewDate == null ? "Not set" : formatDate(evidence.reviewDate),
          },
          {
            key: "Expiry date",
            value: evidence.expiryDate == null ? "Not set" : formatDate(evidence.expiryDate),
          },
        ].map((row) =>
          manage && editable && row.key !== "Status"
            ? {
                ...row,
                action: (
                  <Link className="govuk-link" to={`/accreditation/evidence/${evidence.id}/edit`}>
                    Change<span className="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
                  </Link>
                ),
              }
            : row,
        )}
      />
      <DataTable
        caption="Files"
        rows={evidence.revisions}
        rowKey={(row) => row.id}
        empty="No file has been uploaded yet."
        columns={[
          {
            header: "File",
            rowHeader: true,
            cell: (row) => (
              <a
                className="govuk-link"
                href={`/api/evidence/revisions/${encodeURIComponent(row.id)}/file`}
                download
              >
                {row.fileName}
              </a>
            ),
          },
          { header: "Version", numeric: true, cell: (row) => row.revision },
          { header: "Size", numeric: true, cell: (row) => formatBytes(row.sizeBytes) },
          {
            header: "Uploaded",
            cell: (row) => `${formatDateTime(row.uploadedAt)} by ${row.uploadedByName}`,
          },
        ]}
      />
      {manage && editable ? (
        <UploadEvidenceFile evidenceId={evidence.id} onOutcome={setOutcome} />
      ) : null}
      {manage ? <ReviewEvidence evidence={evidence} onOutcome={setOutcome} /> : null}
      <h2 className="govuk-heading-m govuk-!-margin-top-6">History</h2>
      <ol className="app-timeline" aria-label="Status history, oldest first">
        {evidence.history.map((entry) => (
          <li className="app-timeline__item" key={entry.id}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <StatusTag status={entry.status} />
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-1">
              {formatDateTime(entry.at)} by {entry.byName}
            </p>
            {entry.note === "" ? null : (
              <p className="govuk-body-s govuk-!-margin-bottom-0">Note: {entry.note}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

export function EvidencePage() {
  const { evidenceId = "" } = useParams();
  const query = useQuery(trpc.evidence.get.queryOptions({ id: evidenceId }));
  const framework = useQuery(trpc.evidence.framework.queryOptions());
  usePageTitle(query.data?.title ?? "Evidence");
  return (
    <>
      <BackLink to="/accreditation">Back to the evidence library</BackLink>
      <QueryState query={query} what="evidence">
        {(evidence) => (
          <EvidenceDetails
            evidence={evidence}
            areaName={
              framework.data?.areas.find((area) => area.id === evidence.areaId)?.name ??
              "Priority area"
            }
          />
        )}
      </QueryState>
    </>
  );
}
