import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";

type Readiness = Outputs["evidence"]["readiness"];
type Area = Readiness["areas"][number];

/**
 * Readiness by priority area: a tag in @dapkit/daha's words ("Red: not ready") and the
 * reasons behind it, so the colour is never the only cue.
 */
export function ReadinessTable({
  readiness,
  caption = "Readiness by priority area",
}: {
  readiness: Readiness;
  caption?: string;
}) {
  return (
    <DataTable<Area>
      caption={caption}
      rows={readiness.areas}
      rowKey={(area) => area.areaId}
      columns={[
        {
          header: "Priority area",
          rowHeader: true,
          cell: (area) => (
            <Link
              className="govuk-link"
              to={`/accreditation?area=${encodeURIComponent(area.areaId)}`}
            >
              {area.areaName}
            </Link>
          ),
        },
        { header: "Readiness", cell: (area) => <StatusTag status={area.rag} /> },
        {
          header: "Why",
          cell: (area) =>
            area.reasons.length === 0 ? (
              `${area.counts.approved} approved`
            ) : (
              <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                {area.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
