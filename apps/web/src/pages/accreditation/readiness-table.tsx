import { Link } from "react-router";

import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";

type Readiness = Outputs["evidence"]["readiness"];

/**
 * Readiness by priority area: a tag with words (Ready / Partly ready / Not ready) and the
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
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Priority area
          </th>
          <th scope="col" className="govuk-table__header">
            Readiness
          </th>
          <th scope="col" className="govuk-table__header">
            Why
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {readiness.areas.map((area) => (
          <tr className="govuk-table__row" key={area.areaId}>
            <th scope="row" className="govuk-table__header">
              <Link
                className="govuk-link"
                to={`/accreditation?area=${encodeURIComponent(area.areaId)}#area-${area.areaId}`}
              >
                {area.areaName}
              </Link>
            </th>
            <td className="govuk-table__cell" data-rag={area.rag}>
              <StatusTag status={area.rag} />
            </td>
            <td className="govuk-table__cell">
              {area.reasons.length === 0 ? (
                `${area.counts.approved} approved`
              ) : (
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                  {area.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
