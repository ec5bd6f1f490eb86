import { Link } from "react-router";

import { plural } from "@dapkit/schemas";

import { StatusTag } from "../../components/tag";
import type { Outputs } from "../../trpc";

type Readiness = Outputs["evidence"]["readiness"];

/**
 * The priority areas as a GOV.UK task list: each area links to its page (action plan and
 * evidence), its status tag says how ready it is in words, and the first reason is its hint.
 */
export function ReadinessTaskList({ readiness }: { readiness: Readiness }) {
  return (
    <ul className="govuk-task-list">
      {readiness.areas.map((area, index) => {
        const id = `area-${String(index + 1)}`;
        const hint =
          area.reasons.length === 0
            ? plural(area.counts.approved, "approved evidence item")
            : area.reasons.join(". ");
        return (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" key={area.areaId}>
            <div className="govuk-task-list__name-and-hint">
              <Link
                className="govuk-link govuk-task-list__link"
                to={`/accreditation/areas/${encodeURIComponent(area.areaId)}`}
                aria-describedby={`${id}-hint ${id}-status`}
              >
                {area.areaName}
              </Link>
              <div id={`${id}-hint`} className="govuk-task-list__hint">
                {hint}
              </div>
            </div>
            <div className="govuk-task-list__status" id={`${id}-status`}>
              <StatusTag status={area.rag} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
