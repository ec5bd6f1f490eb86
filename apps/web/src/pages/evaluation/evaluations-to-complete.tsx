import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { EVALUATION_STAGE_LABELS } from "@dapkit/contract";
import { formatDate } from "@dapkit/schemas";

import { DataTable } from "../../components/data-table";
import { trpc } from "../../trpc";

/** The questionnaires the signed-in person can answer now, for My training. */
export function EvaluationsToComplete() {
  const query = useQuery(trpc.evaluation.questionnaires.list.queryOptions());
  const rows = query.data ?? [];
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Evaluations to complete"
      rows={rows}
      rowKey={(row) => `${row.nominationId}-${row.stage}`}
      downloadable={false}
      columns={[
        { header: "Course", rowHeader: true, cell: (row) => row.courseTitle },
        { header: "Session", cell: (row) => formatDate(row.startsAt) },
        {
          header: "Questionnaire",
          cell: (row) => (
            <Link
              className="govuk-link"
              to={`/my-training/evaluations/${row.nominationId}/${row.stage}`}
            >
              {EVALUATION_STAGE_LABELS[row.stage]}
              <span className="govuk-visually-hidden"> for {row.courseTitle}</span>
            </Link>
          ),
        },
      ]}
    />
  );
}
